-- Signed tree heads, each proven consistent with the one before it when it was signed.
CREATE TABLE checkpoint (
    tree_size          BIGINT      PRIMARY KEY,
    root_hash          BYTEA       NOT NULL,
    signed_at          TIMESTAMPTZ NOT NULL,
    key_id             TEXT        NOT NULL,
    note               TEXT        NOT NULL,   -- the C2SP signed note, verifiable on its own
    previous_tree_size BIGINT      NOT NULL,
    consistency_proof  BYTEA[]     NOT NULL    -- RFC 9162 proof from previous_tree_size to tree_size
);
