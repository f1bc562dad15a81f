-- The policy service's own state (schema "policy"). The outbox and inbox come from db/platform.

-- Partner read model, from PartnerUpdated on sluice.partners.
CREATE TABLE partners (
    partner_id       TEXT PRIMARY KEY,
    institution      TEXT    NOT NULL,
    country          TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    profit_status    TEXT    NOT NULL,
    adequacy_covered BOOLEAN NOT NULL,
    key_valid_until  DATE,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Submitting institutions and their usual transfer size.
CREATE TABLE institutions (
    institution_id         TEXT PRIMARY KEY,
    name                   TEXT   NOT NULL,
    legal_name             TEXT   NOT NULL,
    country                TEXT   NOT NULL,
    typical_transfer_bytes BIGINT NOT NULL
);

-- Completed (acknowledged) transfers per institution and partner: seeded, then counted from events.
CREATE TABLE transfer_history (
    institution_id TEXT   NOT NULL,
    partner_id     TEXT   NOT NULL,
    completed      BIGINT NOT NULL,
    PRIMARY KEY (institution_id, partner_id)
);

CREATE TABLE licences (
    licence_id         TEXT PRIMARY KEY,
    type               TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    holder             TEXT    NOT NULL,
    categories         TEXT[]  NOT NULL,
    destinations       TEXT[]  NOT NULL,
    destination_group  TEXT,
    valid_from         DATE    NOT NULL,
    valid_until        DATE    NOT NULL,
    quota_bytes        BIGINT,
    quota_transfers    BIGINT,
    used_bytes         BIGINT  NOT NULL DEFAULT 0,
    used_transfers     BIGINT  NOT NULL DEFAULT 0,
    post_shipment_verification BOOLEAN NOT NULL DEFAULT FALSE,
    verification_days  INT,
    end_use            TEXT,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (quota_bytes IS NULL OR used_bytes <= quota_bytes),
    CHECK (quota_transfers IS NULL OR used_transfers <= quota_transfers)
);

CREATE TABLE dsas (
    dsa_id         TEXT PRIMARY KEY,
    partner_id     TEXT   NOT NULL,
    institution_id TEXT   NOT NULL,
    status         TEXT   NOT NULL,
    categories     TEXT[] NOT NULL,
    valid_from     DATE   NOT NULL,
    valid_until    DATE   NOT NULL,
    title          TEXT   NOT NULL
);

CREATE TABLE emergencies (
    emergency_id      TEXT PRIMARY KEY,
    document          JSONB NOT NULL
);

-- Bundles ever accepted (content addressed) and the one in force.
CREATE TABLE bundles (
    digest      TEXT PRIMARY KEY,
    bundle_id   TEXT  NOT NULL,
    version     TEXT  NOT NULL,
    files       JSONB NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE active_bundle (
    singleton    BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    digest       TEXT NOT NULL REFERENCES bundles (digest),
    activated_at TIMESTAMPTZ NOT NULL,
    activated_by TEXT NOT NULL
);

-- Screening lists: the file as loaded (entries parsed again at start) and its digest.
CREATE TABLE screening_lists (
    list_id   TEXT PRIMARY KEY,
    digest    TEXT  NOT NULL,
    entries   INT   NOT NULL,
    content   TEXT  NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL
);

-- Transfers policy has seen, with their lifecycle as far as policy cares.
CREATE TABLE transfers (
    transfer_id      TEXT PRIMARY KEY,
    institution_id   TEXT  NOT NULL,
    partner_id       TEXT  NOT NULL,
    request          JSONB NOT NULL,
    request_event_id TEXT  NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    cancelled        BOOLEAN NOT NULL DEFAULT FALSE,
    fetched          BOOLEAN NOT NULL DEFAULT FALSE,
    acknowledged     BOOLEAN NOT NULL DEFAULT FALSE,
    latest_decision  TEXT
);

-- Every decision with its complete inputs and bundle, so it can be replayed.
CREATE TABLE decisions (
    decision_id   TEXT PRIMARY KEY,
    transfer_id   TEXT  NOT NULL REFERENCES transfers (transfer_id),
    source        TEXT  NOT NULL,
    outcome       TEXT  NOT NULL,
    codes         TEXT[] NOT NULL,
    bundle_digest TEXT  NOT NULL REFERENCES bundles (digest),
    inputs        JSONB NOT NULL,
    decision      JSONB NOT NULL,
    supersedes    TEXT,
    decided_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX decisions_transfer ON decisions (transfer_id, decided_at);

-- Licence quota held by an approval (released when a later decision withdraws the approval).
CREATE TABLE quota_charges (
    transfer_id TEXT   NOT NULL REFERENCES transfers (transfer_id),
    licence_id  TEXT   NOT NULL REFERENCES licences (licence_id),
    bytes       BIGINT NOT NULL,
    decision_id TEXT   NOT NULL,
    PRIMARY KEY (transfer_id, licence_id)
);

-- A reviewer's judgement on a screening hit; "not this party" holds while the entry is unchanged.
CREATE TABLE screening_adjudications (
    entry_id      TEXT NOT NULL,
    screened_key  TEXT NOT NULL,
    screened_name TEXT NOT NULL,
    entry_digest  TEXT NOT NULL,
    verdict       TEXT NOT NULL,
    justification TEXT NOT NULL,
    decided_by    TEXT NOT NULL,
    decided_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (entry_id, screened_key)
);

-- Post-shipment verification owed by approved transfers; listed and closed through the API.
CREATE TABLE verifications (
    verification_id TEXT PRIMARY KEY,
    transfer_id     TEXT NOT NULL REFERENCES transfers (transfer_id),
    decision_id     TEXT NOT NULL,
    institution_id  TEXT NOT NULL,
    partner_id      TEXT NOT NULL,
    reference       TEXT,
    description     TEXT NOT NULL,
    due_on          DATE,
    status          TEXT NOT NULL,
    closed_by       TEXT,
    closed_at       TIMESTAMPTZ,
    note            TEXT
);
CREATE INDEX verifications_open ON verifications (status, due_on);
