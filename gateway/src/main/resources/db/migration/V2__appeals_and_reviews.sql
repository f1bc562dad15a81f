-- Appeals filed by submitters against denials, and the review cases policy opened (read from sluice.review),
-- for the status projection: state, review deadline, time in review, the appeal and its outcome.

CREATE TABLE appeals (
    appeal_id            TEXT PRIMARY KEY,
    transfer_id          TEXT        NOT NULL REFERENCES transfers (transfer_id),
    institution_id       TEXT        NOT NULL,
    filed_by             TEXT        NOT NULL,
    decision_id          TEXT        NOT NULL,
    statement            TEXT        NOT NULL,
    filed_at             TIMESTAMPTZ NOT NULL,
    event_id             TEXT        NOT NULL,
    idempotency_key      TEXT,
    request_sha256       TEXT        NOT NULL,
    outcome              TEXT,
    outcome_decision_id  TEXT,
    decided_at           TIMESTAMPTZ
);
CREATE INDEX appeals_transfer ON appeals (transfer_id, filed_at);
CREATE UNIQUE INDEX appeals_idempotency ON appeals (institution_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- A case may be known first from the decision that closed it (the decided and review topics are not
-- ordered with each other): then kind, opened_at and deadline stay empty and it never shows as open.
CREATE TABLE reviews (
    review_id            TEXT PRIMARY KEY,
    transfer_id          TEXT        NOT NULL REFERENCES transfers (transfer_id),
    kind                 TEXT,
    decision_id          TEXT,
    opened_at            TIMESTAMPTZ,
    deadline             TIMESTAMPTZ,
    escalated            BOOLEAN     NOT NULL DEFAULT FALSE,
    escalated_to         TEXT,
    closed_at            TIMESTAMPTZ,
    closing_decision_id  TEXT
);
CREATE INDEX reviews_transfer ON reviews (transfer_id, opened_at);
