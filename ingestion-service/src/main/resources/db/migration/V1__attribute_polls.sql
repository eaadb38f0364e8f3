-- One row per attribute poll, successful or not: when the last good snapshot of each entity was taken.
CREATE TABLE attribute_polls (
    id           BIGSERIAL PRIMARY KEY,
    entity       VARCHAR(16)   NOT NULL,
    polled_at    TIMESTAMPTZ   NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    items        INTEGER,
    snapshot_key VARCHAR(512),
    error        VARCHAR(1000)
);

CREATE INDEX attribute_polls_entity_polled_at ON attribute_polls (entity, polled_at DESC);
