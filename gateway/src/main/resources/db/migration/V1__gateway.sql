-- The gateway's schema: transfers and their status projection, staged payloads, sealed packages and the
-- partner registry. Payload bytes live in the payload store, never here; headers and manifests are small.

CREATE TABLE partners (
    partner_id  TEXT PRIMARY KEY,
    entry       JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE transfers (
    transfer_id     TEXT PRIMARY KEY,
    institution_id  TEXT        NOT NULL,
    submitted_by    TEXT        NOT NULL,
    partner_id      TEXT        NOT NULL,
    request         JSONB       NOT NULL,
    state           TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    decision        JSONB,
    decided_at      TIMESTAMPTZ
);
CREATE INDEX transfers_institution ON transfers (institution_id, created_at);
CREATE INDEX transfers_partner_state ON transfers (partner_id, state);

CREATE TABLE transfer_history (
    seq          BIGSERIAL PRIMARY KEY,
    transfer_id  TEXT        NOT NULL REFERENCES transfers (transfer_id),
    state        TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    event_id     TEXT
);
CREATE INDEX transfer_history_transfer ON transfer_history (transfer_id, seq);

CREATE TABLE idempotency_keys (
    institution_id   TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    request_sha256   TEXT        NOT NULL,
    transfer_id      TEXT        NOT NULL REFERENCES transfers (transfer_id),
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (institution_id, idempotency_key)
);

CREATE TABLE staged_payloads (
    transfer_id       TEXT PRIMARY KEY REFERENCES transfers (transfer_id),
    object_key        TEXT        NOT NULL,
    plaintext_bytes   BIGINT      NOT NULL,
    plaintext_sha256  TEXT        NOT NULL,
    header_bytes      BIGINT      NOT NULL,
    body_bytes        BIGINT      NOT NULL,
    body_sha256       TEXT        NOT NULL,
    staged_at         TIMESTAMPTZ NOT NULL,
    purged_at         TIMESTAMPTZ
);

CREATE TABLE packages (
    package_id        TEXT PRIMARY KEY,
    transfer_id       TEXT        NOT NULL REFERENCES transfers (transfer_id),
    partner_id        TEXT        NOT NULL,
    decision_id       TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    format            TEXT        NOT NULL,
    recipient_key_id  TEXT        NOT NULL,
    plaintext_bytes   BIGINT      NOT NULL,
    plaintext_sha256  TEXT        NOT NULL,
    header            BYTEA,
    header_bytes      BIGINT      NOT NULL,
    header_sha256     TEXT        NOT NULL,
    body_object       TEXT        NOT NULL,
    body_offset       BIGINT      NOT NULL,
    body_bytes        BIGINT      NOT NULL,
    body_sha256       TEXT        NOT NULL,
    manifest          TEXT        NOT NULL,
    manifest_sha256   TEXT        NOT NULL,
    signing_key_id    TEXT        NOT NULL,
    sealed_at         TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX packages_transfer ON packages (transfer_id, sealed_at);
CREATE INDEX packages_partner ON packages (partner_id, sealed_at);
