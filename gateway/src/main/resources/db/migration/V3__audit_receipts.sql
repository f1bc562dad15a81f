-- The audit receipt of each approval, obtained from the audit service before sealing so that the signed
-- manifest can carry it (only when the audit service is configured). A row waits until the receipt
-- arrives or the wait is given up; either way the approval is then sealed.

CREATE TABLE audit_receipts (
    decision_id   TEXT PRIMARY KEY,
    transfer_id   TEXT        NOT NULL REFERENCES transfers (transfer_id),
    event_id      TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    receipt       JSONB,
    obtained_at   TIMESTAMPTZ,
    gave_up_at    TIMESTAMPTZ,
    gave_up_why   TEXT
);
CREATE INDEX audit_receipts_pending ON audit_receipts (requested_at) WHERE receipt IS NULL AND gave_up_at IS NULL;
