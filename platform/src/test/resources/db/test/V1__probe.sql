CREATE TABLE probe_effects (
    event_id    TEXT PRIMARY KEY,
    transfer_id TEXT NOT NULL,
    applied     INT  NOT NULL
);

CREATE TABLE probe_notes (
    name          TEXT,
    justification TEXT
);
