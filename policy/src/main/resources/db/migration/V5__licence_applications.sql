-- Issue 14: institutions apply for individual licences; export-control officers grant (with terms) or
-- refuse them. The application keeps what was applied for; the licence a grant creates lives in licences.
CREATE SEQUENCE licence_application_numbers;

CREATE TABLE licence_applications (
    application_id       TEXT PRIMARY KEY,
    licence_id           TEXT        NOT NULL UNIQUE,
    status               TEXT        NOT NULL,
    institution_id       TEXT        NOT NULL,
    applied_by           TEXT        NOT NULL,
    partner_id           TEXT,
    destination_country  TEXT        NOT NULL,
    categories           TEXT[]      NOT NULL,
    purpose              JSONB       NOT NULL,
    end_users            JSONB       NOT NULL,
    quota_bytes          BIGINT,
    quota_transfers      BIGINT,
    valid_from           DATE        NOT NULL,
    valid_until          DATE        NOT NULL,
    risk                 TEXT        NOT NULL,
    required_votes       INTEGER     NOT NULL,
    applied_at           TIMESTAMPTZ NOT NULL,
    -- the date first given; expected_by moves on escalation, lateness is measured against this one
    first_expected_by    TIMESTAMPTZ NOT NULL,
    expected_by          TIMESTAMPTZ NOT NULL,
    escalated            BOOLEAN     NOT NULL DEFAULT FALSE,
    decided_at           TIMESTAMPTZ,
    terms                JSONB,
    reasons              TEXT[]      NOT NULL DEFAULT '{}',
    idempotency_key      TEXT,
    request_sha256       TEXT        NOT NULL,
    UNIQUE (institution_id, idempotency_key)
);
CREATE INDEX licence_applications_queue ON licence_applications (status, expected_by);
CREATE INDEX licence_applications_institution ON licence_applications (institution_id, applied_at DESC);

CREATE TABLE licence_application_votes (
    application_id TEXT        NOT NULL REFERENCES licence_applications (application_id),
    officer        TEXT        NOT NULL,
    institution    TEXT,
    senior         BOOLEAN     NOT NULL,
    vote           TEXT        NOT NULL,
    justification  TEXT        NOT NULL,
    terms          JSONB,
    cast_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (application_id, officer)
);
