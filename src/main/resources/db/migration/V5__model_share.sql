-- A project's model stays private until its owner shares it. Sharing gives the project one
-- unguessable code (192 random bits, URL-safe base64) that opens its model files and the
-- predict API; revoking deletes the row, so the code stops working at once. A new share gets a
-- new code. Plain SQL that H2 and PostgreSQL both take.
CREATE TABLE model_share (
    code       VARCHAR(64) PRIMARY KEY,
    project_id UUID        NOT NULL UNIQUE REFERENCES project (id) ON DELETE CASCADE,
    created_at TIMESTAMP   NOT NULL
);
