-- What the pretrained backbone makes of each picture, computed once and kept, so retraining a
-- photo project only trains its small head. Keyed by picture and backbone: a different backbone
-- file gives different numbers, and its rows simply sit beside the old ones.
CREATE TABLE embedding (
    sample_id UUID        NOT NULL REFERENCES sample (id) ON DELETE CASCADE,
    backbone  VARCHAR(64) NOT NULL,
    vector    BYTEA       NOT NULL,
    PRIMARY KEY (sample_id, backbone)
);
