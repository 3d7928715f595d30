-- A teacher's classroom and its learners. A learner signs in with the classroom's join code, a
-- display name and a PIN, from any computer; their projects belong to the learner's own owner
-- token (kept here, never in a cookie), so a wiped browser profile loses nothing. Names are
-- unique per classroom whatever their case (name_key is the lower-cased name). Ending a
-- classroom deletes its learners; the app deletes their projects first. Plain SQL that H2 and
-- PostgreSQL both take.
CREATE TABLE classroom (
    id         UUID         PRIMARY KEY,
    name       VARCHAR(80)  NOT NULL,
    join_code  VARCHAR(12)  NOT NULL UNIQUE,
    open       BOOLEAN      NOT NULL,
    created_at TIMESTAMP    NOT NULL
);

CREATE TABLE learner (
    id           UUID         PRIMARY KEY,
    classroom_id UUID         NOT NULL REFERENCES classroom (id) ON DELETE CASCADE,
    name         VARCHAR(40)  NOT NULL,
    name_key     VARCHAR(40)  NOT NULL,
    pin_hash     VARCHAR(100) NOT NULL,
    owner_token  VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP    NOT NULL,
    UNIQUE (classroom_id, name_key)
);
