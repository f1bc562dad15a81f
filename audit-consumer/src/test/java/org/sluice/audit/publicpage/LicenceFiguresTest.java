package org.sluice.audit.publicpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sluice.audit.publicpage.PublicFigures.Cell;
import org.sluice.audit.publicpage.PublicFigures.Licences;

/**
 * The licence figures' suppression without a log: granted plus refused is the decided total minus the
 * withdrawals, so a hidden withdrawals cell must not follow from the turnaround's cases or from an
 * on-time/late breakdown shown in full.
 */
class LicenceFiguresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2033-06-01T00:00:00Z"), ZoneOffset.UTC);
    private final FiguresService service = new FiguresService(null, config(), CLOCK);
    private final Period period = Period.of(null, "2033-01", "2033-01", CLOCK);

    @Test
    void withEveryOutcomeShownEverythingIsShownAndTheShareLateIsFromTheShownCounts() {
        Licences l =
                licences(counts("GRANTED", 12, "REFUSED", 6, "WITHDRAWN", 5), 18, counts("ON_TIME", 13, "LATE", 5));
        assertThat(l.decided().json()).isEqualTo(23L);
        assertThat(texts(l.byOutcome())).containsExactly("GRANTED=12", "REFUSED=6", "WITHDRAWN=5");
        assertThat(l.turnaround().cases().json()).isEqualTo(18L);
        assertThat(l.turnaround().medianSeconds()).isEqualTo(3600L);
        assertThat(l.turnaround().p90Seconds()).isEqualTo(7200L);
        assertThat(texts(l.byTimeliness())).containsExactly("ON_TIME=13", "LATE=5");
        assertThat(l.latePercent()).isEqualTo(28L); // 5 of 18
    }

    @Test
    void hiddenWithdrawalsWithholdTheCasesAndOneOnTimeOrLateCount() {
        // withdrawals <5 and refusals <5: two small cells, so nothing withheld among the outcomes
        Licences l = licences(counts("GRANTED", 8, "REFUSED", 2, "WITHDRAWN", 3), 10, counts("ON_TIME", 5, "LATE", 5));
        assertThat(texts(l.byOutcome())).containsExactly("GRANTED=8", "REFUSED=<5", "WITHDRAWN=<5");
        // 13 - 10 would give the withdrawals, and so would 13 - (5 + 5)
        assertThat(l.turnaround().cases().json()).isEqualTo(PublishedCount.WITHHELD);
        assertThat(texts(l.byTimeliness())).containsExactly("LATE=5", "ON_TIME=withheld");
        assertThat(l.latePercent()).isNull();
        // the durations are over enough cases and tell nothing of the counts
        assertThat(l.turnaround().medianSeconds()).isEqualTo(3600L);
    }

    @Test
    void withdrawalsWithheldForASmallRefusalCountHideTheCasesToo() {
        Licences l =
                licences(counts("GRANTED", 20, "REFUSED", 3, "WITHDRAWN", 6), 23, counts("ON_TIME", 18, "LATE", 5));
        assertThat(texts(l.byOutcome())).containsExactly("GRANTED=20", "REFUSED=<5", "WITHDRAWN=withheld");
        assertThat(l.turnaround().cases().json()).isEqualTo(PublishedCount.WITHHELD);
        assertThat(texts(l.byTimeliness())).containsExactly("ON_TIME=18", "LATE=withheld");
    }

    @Test
    void noWithdrawalsNeedNothingMoreHiddenAndAHiddenRefusalIsNoWithdrawal() {
        Licences l = licences(counts("GRANTED", 20, "REFUSED", 7), 27, counts("ON_TIME", 27));
        assertThat(l.turnaround().cases().json()).isEqualTo(27L);
        assertThat(texts(l.byTimeliness())).containsExactly("ON_TIME=27");
        assertThat(l.latePercent()).isZero();
    }

    @Test
    void belowTheThresholdOnlyLabelsArePublished() {
        Licences l = licences(counts("GRANTED", 2, "REFUSED", 1), 3, counts("ON_TIME", 3));
        assertThat(l.decided().json()).isEqualTo("<5");
        assertThat(texts(l.byOutcome())).containsExactly("GRANTED=<5", "REFUSED=<5");
        assertThat(l.turnaround().cases().json()).isEqualTo("<5");
        assertThat(l.turnaround().medianSeconds()).isNull();
        assertThat(l.turnaround().p90Seconds()).isNull();
        assertThat(texts(l.byTimeliness())).containsExactly("ON_TIME=<5");
        assertThat(l.latePercent()).isNull();
        Licences none = licences(Map.of(), 0, Map.of());
        assertThat(none.byOutcome()).isEmpty();
        assertThat(none.turnaround().medianSeconds()).isNull();
        assertThat(none.latePercent()).isNull();
    }

    private Licences licences(Map<String, Long> outcomes, long cases, Map<String, Long> timeliness) {
        LogAggregates log = new LogAggregates(
                Map.of(),
                Map.of(),
                Map.of(),
                0,
                null,
                null,
                0,
                Map.of(),
                Map.of(),
                outcomes,
                cases,
                cases == 0 ? null : 3600.4,
                cases == 0 ? null : 7199.6,
                timeliness);
        return service.publish(period, log).licences();
    }

    private static Map<String, Long> counts(Object... keyAndCount) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keyAndCount.length; i += 2) {
            counts.put((String) keyAndCount[i], ((Integer) keyAndCount[i + 1]).longValue());
        }
        return counts;
    }

    private static List<String> texts(List<Cell> cells) {
        return cells.stream().map(c -> c.key() + "=" + c.count().text()).toList();
    }

    private static PublicPageConfig config() {
        return new PublicPageConfig() {
            @Override
            public int minCount() {
                return 5;
            }

            @Override
            public Duration figuresCache() {
                return Duration.ZERO;
            }

            @Override
            public Optional<URI> policyUrl() {
                return Optional.empty();
            }

            @Override
            public Duration criteriaCache() {
                return Duration.ZERO;
            }

            @Override
            public Duration policyTimeout() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
