-- Projects hold classes, classes hold samples. Images live in the database so that a sample is
-- durable the moment its INSERT commits, and several app instances can share one PostgreSQL.
CREATE TABLE project (
    id           UUID PRIMARY KEY,
    owner_token  VARCHAR(64)  NOT NULL,
    name         VARCHAR(120) NOT NULL,
    model_kind   VARCHAR(16)  NOT NULL,
    data_version BIGINT       NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);
CREATE INDEX project_owner ON project (owner_token);

CREATE TABLE image_class (
    id         UUID PRIMARY KEY,
    project_id UUID        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name       VARCHAR(60) NOT NULL,
    position   INT         NOT NULL
);
CREATE INDEX image_class_project ON image_class (project_id);

CREATE TABLE sample (
    id         UUID PRIMARY KEY,
    class_id   UUID        NOT NULL REFERENCES image_class (id) ON DELETE CASCADE,
    image      BYTEA       NOT NULL,
    mime_type  VARCHAR(32) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);
CREATE INDEX sample_class ON sample (class_id, created_at);

-- The last trained model of a project, with everything "Under the hood" shows about it.
CREATE TABLE trained_model (
    project_id   UUID PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    data_version BIGINT    NOT NULL,
    model        BYTEA     NOT NULL,
    report       TEXT      NOT NULL,
    trained_at   TIMESTAMP NOT NULL
);
