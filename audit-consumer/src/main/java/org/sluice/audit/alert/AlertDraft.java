package org.sluice.audit.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sluice.events.security.Severity;

/**
 * An alert a rule raised, before it is stored and published.
 *
 * @param rule the rule
 * @param severity how urgent
 * @param summary one line for a human
 * @param evidence leaf indices of the entries that made it fire, oldest first
 * @param subjects what it is about
 * @param windowStart start of the window looked at
 * @param windowEnd end of it (the triggering entry's time)
 */
public record AlertDraft(
        String rule,
        Severity severity,
        String summary,
        List<Long> evidence,
        Map<String, String> subjects,
        Instant windowStart,
        Instant windowEnd) {}
