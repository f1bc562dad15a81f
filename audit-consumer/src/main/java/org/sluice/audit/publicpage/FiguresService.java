package org.sluice.audit.publicpage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sluice.audit.publicpage.PublicFigures.Alerts;
import org.sluice.audit.publicpage.PublicFigures.Appeals;
import org.sluice.audit.publicpage.PublicFigures.Cell;
import org.sluice.audit.publicpage.PublicFigures.Decisions;
import org.sluice.audit.publicpage.PublicFigures.Licences;
import org.sluice.audit.publicpage.PublicFigures.PeriodView;
import org.sluice.audit.publicpage.PublicFigures.Turnaround;

/**
 * The published figures of a period: the log's aggregates with small counts suppressed, each period's
 * figures computed at most once per {@code sluice.audit.public.figures-cache}, so a busy public page
 * costs the database one set of aggregate queries per period and minute.
 */
@ApplicationScoped
public class FiguresService {

    /** The outcome of a licence application its applicant withdrew. */
    static final String WITHDRAWN = "WITHDRAWN";

    /** The timeliness of a licence decision made after the date the applicant was first given. */
    static final String LATE = "LATE";

    /** Periods kept at once; more distinct month ranges than this empty the cache. */
    private static final int MAX_PERIODS = 64;

    private final AggregateRepository aggregates;
    private final PublicPageConfig config;
    private final Suppression suppression;
    private final Clock clock;
    private final Map<Period, Cached> cache = new ConcurrentHashMap<>();

    public FiguresService(AggregateRepository aggregates, PublicPageConfig config, Clock clock) {
        this.aggregates = aggregates;
        this.config = config;
        this.suppression = new Suppression(config.minCount());
        this.clock = clock;
    }

    private record Cached(PublicFigures figures, Instant until) {}

    public PublicFigures figures(Period period) {
        Instant now = clock.instant();
        Cached cached = cache.get(period);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.figures();
        }
        PublicFigures figures = publish(period, aggregates.aggregate(period));
        if (cache.size() >= MAX_PERIODS) {
            cache.clear();
        }
        cache.put(period, new Cached(figures, now.plus(config.figuresCache())));
        return figures;
    }

    PublicFigures publish(Period period, LogAggregates log) {
        long decisions =
                log.byOutcome().values().stream().mapToLong(Long::longValue).sum();
        long appealsDecided = log.appealOutcomes().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        long alerts =
                log.alertsByRule().values().stream().mapToLong(Long::longValue).sum();
        return new PublicFigures(
                new PeriodView(period.name(), period.from(), period.to()),
                suppression.minCount(),
                new Decisions(
                        suppression.count(decisions),
                        suppression.breakdown(log.byOutcome()),
                        suppression.breakdown(log.byCategory()),
                        suppression.breakdown(Regions.byRegion(log.byCountry()))),
                turnaround(
                        suppression.count(log.reviewCases()),
                        log.reviewCases(),
                        log.reviewMedianSeconds(),
                        log.reviewP90Seconds()),
                licences(log),
                new Appeals(
                        suppression.count(log.appealsFiled()),
                        suppression.count(appealsDecided),
                        suppression.breakdown(log.appealOutcomes())),
                new Alerts(suppression.count(alerts), suppression.breakdown(log.alertsByRule())));
    }

    /**
     * The licence figures. Granted plus refused is the decided total minus the withdrawals, so while the
     * withdrawals' cell is hidden neither the number of turnaround cases nor an on-time/late breakdown
     * adding up to it is published in full: either would give the withdrawals by subtraction.
     */
    private Licences licences(LogAggregates log) {
        long decided = sum(log.licenceOutcomes());
        List<Cell> byOutcome = suppression.breakdown(log.licenceOutcomes());
        boolean withdrawalsHidden = byOutcome.stream()
                .anyMatch(c -> c.key().equals(WITHDRAWN) && !c.count().isShown());
        PublishedCount cases = suppression.count(log.licenceCases());
        List<Cell> byTimeliness = suppression.breakdown(log.licenceTimeliness());
        if (withdrawalsHidden) {
            cases = cases.isShown() ? PublishedCount.withheld() : cases;
            byTimeliness = suppression.hidingTheirSum(byTimeliness);
        }
        return new Licences(
                suppression.count(decided),
                byOutcome,
                turnaround(cases, log.licenceCases(), log.licenceMedianSeconds(), log.licenceP90Seconds()),
                byTimeliness,
                latePercent(byTimeliness));
    }

    /** A turnaround, its median and 90th percentile shown only over enough cases. */
    private Turnaround turnaround(PublishedCount published, long cases, Double median, Double p90) {
        boolean enough = suppression.enoughCases(cases);
        return new Turnaround(published, enough ? Math.round(median) : null, enough ? Math.round(p90) : null);
    }

    /** The share late of an on-time/late breakdown, from its published cells only: null unless all are shown. */
    private static Long latePercent(List<Cell> byTimeliness) {
        if (byTimeliness.isEmpty()
                || !byTimeliness.stream().allMatch(c -> c.count().isShown())) {
            return null;
        }
        long total = byTimeliness.stream().mapToLong(c -> c.count().shown()).sum();
        long late = byTimeliness.stream()
                .filter(c -> c.key().equals(LATE))
                .mapToLong(c -> c.count().shown())
                .sum();
        return Math.round(100.0 * late / total);
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
