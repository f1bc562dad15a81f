package org.sluice.events.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sluice.events.EventData;

/**
 * An alert raised by a security rule of the audit consumer.
 *
 * @param alertId unique id
 * @param rule the rule that fired, e.g. {@code repeated-denials}
 * @param severity how urgent
 * @param summary one line for a human
 * @param evidence audit log leaf indices of the entries that made the rule fire
 * @param subjects what the alert is about: {@code institution}, {@code principal}, {@code partner}, ...
 * @param windowStart start of the window the rule looked at
 * @param windowEnd end of that window
 */
public record SecurityAlert(
        String alertId,
        String rule,
        Severity severity,
        String summary,
        List<Long> evidence,
        Map<String, String> subjects,
        Instant windowStart,
        Instant windowEnd)
        implements EventData {
    public SecurityAlert {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
    }

    @Override
    public String subject() {
        return rule;
    }
}
