-- Several servers may share one PostgreSQL. Each process names itself with a random id and
-- writes here every few seconds; a server not heard from for a while (or one that signed off on
-- a clean stop) is gone, and the trainings it ran were cut off.
CREATE TABLE training_server (
    id       UUID   PRIMARY KEY,
    heard_at BIGINT NOT NULL  -- milliseconds since 1970 UTC, so servers in other time zones agree
);

-- The server running each training. Rows from before this column have none: the one server that
-- wrote them has restarted since, so those trainings count as cut off.
ALTER TABLE training_in_progress ADD COLUMN server_id UUID;
