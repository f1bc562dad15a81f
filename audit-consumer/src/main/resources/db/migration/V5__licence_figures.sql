-- Licence turnaround is the decision's event time minus the application's appliedAt, a string in the
-- event's data. The log records events as they come, so a malformed appliedAt must make one case
-- unmeasurable rather than fail every figure: this reads an RFC 3339 UTC instant (2031-03-10T08:00:00Z,
-- optionally with fractions of a second) and answers NULL for anything else, including 'infinity'.
CREATE FUNCTION sluice_instant(text) RETURNS timestamptz
    LANGUAGE plpgsql STABLE STRICT AS $$
BEGIN
    IF $1 !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$' THEN
        RETURN NULL;
    END IF;
    RETURN $1::timestamptz;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;
