package org.sluice.audit.publicpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sluice.platform.problem.ProblemException;

class PeriodTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T15:30:00Z"), ZoneOffset.UTC);

    @Test
    void namedPeriodsAreWholeDaysEndingWithToday() {
        Period p = Period.of(null, null, null, clock);
        assertThat(p.name()).isEqualTo("30d");
        assertThat(p.to()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(p.from()).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
        assertThat(Period.of("90d", null, null, clock).from()).isEqualTo(Instant.parse("2026-09-09T00:00:00Z"));
        assertThat(Period.of("1y", null, null, clock).from()).isEqualTo(Instant.parse("2025-12-08T00:00:00Z"));
        assertThat(Period.of("all", null, null, clock).from()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void monthsIncludeBothEnds() {
        Period p = Period.of(null, "2026-02", "2026-03", clock);
        assertThat(p.name()).isEqualTo("months");
        assertThat(p.from()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(Period.of("", "2026-12", "2026-12", clock).to()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void everyBrokenParameterIsNamedWithItsRule() {
        assertThat(violations("7d", null, null)).containsExactly("period:enum");
        assertThat(violations(null, "2026-03", "2026-02")).containsExactly("from:range");
        assertThat(violations(null, "2026-3", null)).containsExactly("from:format", "to:required");
        assertThat(violations("30d", "2026-01", "2026-02")).containsExactly("period:conflict");
        assertThat(violations(null, "2026-01-01", "march")).containsExactly("from:format", "to:format");
    }

    private java.util.List<String> violations(String period, String from, String to) {
        try {
            Period.of(period, from, to, clock);
        } catch (ProblemException e) {
            return e.errors().stream().map(v -> v.field() + ":" + v.rule()).toList();
        }
        throw new AssertionError("no violation");
    }

    @Test
    void aPeriodIsAValueForTheCache() {
        assertThat(Period.of("30d", null, null, clock)).isEqualTo(Period.of("30d", null, null, clock));
        assertThatThrownBy(() -> Period.of("forever", null, null, clock)).isInstanceOf(ProblemException.class);
    }
}
