-- The latest approval the gateway refused to seal for (not sealable: a hard-stop reason, or fewer deciders
-- than it needed), shown in the transfer's status. The refused approval never becomes the decision column.
ALTER TABLE transfers ADD COLUMN sealing_refusal JSONB;
