-- Chunked uploads in progress, so that any replica, and a restarted one, can continue them. A row never
-- claims more than the pending object holds durably: received_bytes counts whole 64 KiB plaintext
-- segments and is written only after the pending object was fsynced up to them.

CREATE TABLE uploads_in_progress (
    transfer_id     TEXT        PRIMARY KEY REFERENCES transfers (transfer_id),
    pending_ref     TEXT        NOT NULL,
    header_bytes    BIGINT      NOT NULL,
    received_bytes  BIGINT      NOT NULL,
    writer          TEXT        NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX uploads_in_progress_idle ON uploads_in_progress (updated_at);
