-- The audit log: an append-only RFC 9162 Merkle tree. Each row of log_entry is one leaf; merkle_node
-- holds every complete interior subtree (level >= 1) once it is complete, so proofs read O(log n) rows.

-- The tree's current size and root; the one row is locked by each append, which serialises appenders.
CREATE TABLE log_head (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    tree_size  BIGINT      NOT NULL,
    root_hash  BYTEA       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO log_head (id, tree_size, root_hash)
VALUES (1, 0, decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'));

CREATE TABLE log_entry (
    idx          BIGINT      PRIMARY KEY,
    event_id     TEXT        NOT NULL UNIQUE,  -- a redelivered event is recognised here and never appended twice
    leaf_hash    BYTEA       NOT NULL,         -- SHA-256(0x00 || entry)
    entry        BYTEA       NOT NULL,         -- the event's canonical (RFC 8785) CloudEvents JSON
    type         TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    event_time   TIMESTAMPTZ NOT NULL,
    topic        TEXT        NOT NULL,
    appended_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- facets derived from the event's data when it is appended, for queries, alerts and reports
    transfer_id  TEXT,
    institution  TEXT,
    partner      TEXT,
    country      TEXT,
    outcome      TEXT,
    category     TEXT,
    reason_codes TEXT[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX log_entry_transfer    ON log_entry (transfer_id, idx) WHERE transfer_id IS NOT NULL;
CREATE INDEX log_entry_actor       ON log_entry (actor, idx);
CREATE INDEX log_entry_institution ON log_entry (institution, idx) WHERE institution IS NOT NULL;
CREATE INDEX log_entry_partner     ON log_entry (partner, idx) WHERE partner IS NOT NULL;
CREATE INDEX log_entry_country     ON log_entry (country, idx) WHERE country IS NOT NULL;
CREATE INDEX log_entry_outcome     ON log_entry (outcome, idx) WHERE outcome IS NOT NULL;
CREATE INDEX log_entry_type        ON log_entry (type, idx);
CREATE INDEX log_entry_time        ON log_entry (event_time);
CREATE INDEX log_entry_reasons     ON log_entry USING gin (reason_codes);

CREATE TABLE merkle_node (
    level SMALLINT NOT NULL CHECK (level >= 1),
    idx   BIGINT   NOT NULL,
    hash  BYTEA    NOT NULL,
    PRIMARY KEY (level, idx)
);
