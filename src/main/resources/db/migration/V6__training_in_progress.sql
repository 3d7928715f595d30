-- A project's training that has started but not ended. A row still here when the server starts
-- belongs to a training the restart cut off, so the learner can be told after the restart.
CREATE TABLE training_in_progress (
    project_id  UUID      PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    started_at  TIMESTAMP NOT NULL,
    interrupted BOOLEAN   NOT NULL
);
