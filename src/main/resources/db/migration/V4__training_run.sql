-- Every training of a project that got as far as training is kept as a run, so learners can
-- compare runs ("lr 0.1" against "lr 0.001") and bring back an earlier model. The report is the
-- same JSON trained_model keeps: settings, curves per epoch, best epoch, confusion matrix,
-- duration and the data version. Only a finished run keeps its model.
CREATE TABLE training_run (
    id           UUID PRIMARY KEY,
    project_id   UUID         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    number       INT          NOT NULL,
    name         VARCHAR(120),
    status       VARCHAR(16)  NOT NULL,
    augmented    BOOLEAN      NOT NULL,
    data_version BIGINT       NOT NULL,
    report       TEXT         NOT NULL,
    model        BYTEA,
    finished_at  TIMESTAMP    NOT NULL
);
CREATE INDEX training_run_project ON training_run (project_id, number);

-- Which run the project's current model came from; NULL for a model from elsewhere. No foreign
-- key: deleting a run must never take the model Preview uses with it.
ALTER TABLE trained_model ADD COLUMN run_id UUID;

-- A model trained before runs existed becomes the project's first run (its id is the project's,
-- which is unique and needs no UUID function, so this works on H2 and PostgreSQL alike).
INSERT INTO training_run (id, project_id, number, name, status, augmented, data_version, report, model, finished_at)
SELECT m.project_id, m.project_id, 1, NULL, 'FINISHED', CASE WHEN p.model_kind = 'PRETRAINED' THEN FALSE ELSE TRUE END,
       m.data_version, m.report, m.model, m.trained_at
FROM trained_model m JOIN project p ON p.id = m.project_id;
UPDATE trained_model SET run_id = project_id;
