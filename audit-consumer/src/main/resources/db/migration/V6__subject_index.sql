-- The query's subject filter follows one thing through the log by the events' subject: a licence
-- application (whose votes and escalations carry no other facet), a review case, a transfer. In index
-- order, as the query reads it.
CREATE INDEX log_entry_subject ON log_entry (subject, idx);
