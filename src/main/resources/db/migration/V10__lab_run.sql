-- The bias lab's runs, kept like the project's own runs so a restart between two lessons does not
-- wipe the comparison. One row per project and purpose: the lab shows its latest fair, skewed and
-- fixed run, and the two runs of a skewed-collection comparison. The recipe is JSON (the
-- experiment, the fix, or which two projects were compared); the report is the same JSON
-- training_run keeps; test_result is how the model did on THIS project's test pictures (for a
-- skewed collection the models were trained on other projects), NULL when it has none.
CREATE TABLE lab_run (
    id          UUID         PRIMARY KEY,
    project_id  UUID         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    purpose     VARCHAR(32)  NOT NULL,
    experiment  VARCHAR(32)  NOT NULL,
    recipe      TEXT         NOT NULL,
    report      TEXT         NOT NULL,
    test_result TEXT,
    finished_at TIMESTAMP    NOT NULL,
    CONSTRAINT lab_run_one_per_purpose UNIQUE (project_id, purpose)
);
