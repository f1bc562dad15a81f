-- Alerts raised by the security rules, and how far the rules have read the log.
CREATE TABLE alert (
    alert_id     TEXT        PRIMARY KEY,
    rule         TEXT        NOT NULL,
    severity     TEXT        NOT NULL,
    summary      TEXT        NOT NULL,
    evidence     BIGINT[]    NOT NULL,   -- leaf indices of the entries that made the rule fire
    subjects     JSONB       NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    window_end   TIMESTAMPTZ NOT NULL,
    trigger_idx  BIGINT      NOT NULL,
    raised_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX alert_trigger ON alert (trigger_idx DESC);

CREATE TABLE alert_cursor (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    next_index BIGINT   NOT NULL
);
INSERT INTO alert_cursor (id, next_index) VALUES (1, 0);
