-- The public transparency page aggregates one event type over a period at a time (decisions, review
-- openings, appeals) and alerts by the time they fired: index those paths.
CREATE INDEX log_entry_type_time ON log_entry (type, event_time);
CREATE INDEX alert_window_end    ON alert (window_end);
