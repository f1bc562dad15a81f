-- Human review (issue 5): cases opened by REVIEW decisions and appeals, and the votes that settle them.

-- Who submitted a transfer (the token principal of TransferRequested): may not review it.
ALTER TABLE transfers ADD COLUMN submitted_by TEXT;

CREATE TABLE review_cases (
    review_id            TEXT PRIMARY KEY,
    transfer_id          TEXT    NOT NULL REFERENCES transfers (transfer_id),
    kind                 TEXT    NOT NULL,              -- DECISION | APPEAL
    decision_id          TEXT    NOT NULL,              -- the decision under review
    decision_source      TEXT    NOT NULL,              -- its source (ENGINE, REEVALUATION, REVIEW, APPEAL)
    decision_outcome     TEXT    NOT NULL,
    appeal_id            TEXT UNIQUE,
    statement            TEXT,
    institution_id       TEXT    NOT NULL,
    submitted_by         TEXT,
    partner_id           TEXT    NOT NULL,
    destination_country  TEXT    NOT NULL,
    category             TEXT    NOT NULL,
    codes                TEXT[]  NOT NULL,
    risk                 TEXT    NOT NULL,              -- STANDARD | HIGH
    required_votes       INT     NOT NULL,
    senior_required      BOOLEAN NOT NULL,              -- four-eyes: one approving vote must be a senior's
    escalated            BOOLEAN NOT NULL DEFAULT FALSE,-- past its deadline: only seniors may decide
    excluded_reviewers   TEXT[]  NOT NULL,
    status               TEXT    NOT NULL,              -- OPEN | DECIDED | CLOSED
    claimed_by           TEXT,
    claimed_senior       BOOLEAN,
    claimed_at           TIMESTAMPTZ,
    opened_at            TIMESTAMPTZ NOT NULL,
    deadline             TIMESTAMPTZ NOT NULL,
    outcome              TEXT,
    settled_decision_id  TEXT,
    closed_at            TIMESTAMPTZ,
    closed_reason        TEXT
);
-- the queue: open cases by deadline (keyset paging on (deadline, review_id))
CREATE INDEX review_cases_queue ON review_cases (deadline, review_id) WHERE status = 'OPEN';
CREATE INDEX review_cases_transfer ON review_cases (transfer_id);

CREATE TABLE review_votes (
    review_id             TEXT    NOT NULL REFERENCES review_cases (review_id),
    reviewer              TEXT    NOT NULL,
    senior                BOOLEAN NOT NULL,
    vote                  TEXT    NOT NULL,             -- APPROVE | DENY
    justification         TEXT    NOT NULL,
    conditions            JSONB   NOT NULL,
    adjudications         JSONB   NOT NULL,
    overrides_engine_deny BOOLEAN NOT NULL,
    decisive              BOOLEAN NOT NULL,
    cast_at               TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (review_id, reviewer)
);
CREATE INDEX review_votes_reviewer ON review_votes (reviewer, cast_at);
