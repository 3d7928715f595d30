-- A class's test pictures: stored like its training pictures, but never trained on and never used
-- to pick an epoch. After training, the model is judged on them, which is how a fair set of test
-- photos shows the gap a skewed training collection leaves (validation comes from the same skewed
-- pictures, so it looks perfect). Plain SQL that H2 and PostgreSQL both take.
ALTER TABLE sample ADD COLUMN is_test BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX sample_class_test ON sample (class_id, is_test, created_at);
