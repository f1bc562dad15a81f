-- Every activation of a bundle, in order: the history published with the criteria
-- (GET /api/v1/public/criteria). active_bundle keeps only the one in force.
CREATE TABLE bundle_activations (
    seq          BIGSERIAL   PRIMARY KEY,
    digest       TEXT        NOT NULL REFERENCES bundles (digest),
    activated_at TIMESTAMPTZ NOT NULL,
    activated_by TEXT        NOT NULL
);
-- the activation in force before this table existed is its first row
INSERT INTO bundle_activations (digest, activated_at, activated_by)
SELECT digest, activated_at, activated_by FROM active_bundle;
