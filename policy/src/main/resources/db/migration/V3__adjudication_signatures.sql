-- Issue 11: clearing a possible hit that gates an open review case is a decision too. A reviewer's
-- "not this party" is a signature; it takes effect (screening_adjudications) only once the distinct
-- eligible people the gated case needs have signed against the same, unchanged entry.
CREATE TABLE screening_adjudication_signatures (
    entry_id      TEXT    NOT NULL,
    screened_key  TEXT    NOT NULL,
    screened_name TEXT    NOT NULL,
    entry_digest  TEXT    NOT NULL,
    signed_by     TEXT    NOT NULL,
    institution   TEXT,
    senior        BOOLEAN NOT NULL,
    justification TEXT    NOT NULL,
    signed_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (entry_id, screened_key, signed_by)
);
