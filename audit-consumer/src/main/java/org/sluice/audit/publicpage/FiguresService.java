package org.sluice.audit.publicpage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sluice.audit.publicpage.PublicFigures.Alerts;
import org.sluice.audit.publicpage.PublicFigures.Appeals;
import org.sluice.audit.publicpage.PublicFigures.Decisions;
import org.sluice.audit.publicpage.PublicFigures.LicenceTurnaround;
import org.sluice.audit.publicpage.PublicFigures.PeriodView;
import org.sluice.audit.publicpage.PublicFigures.Turnaround;

/**
 * The published figures of a period: the log's aggregates with small counts suppressed, each period's
 * figures computed at most once per {@code sluice.audit.public.figures-cache}, so a busy public page
 * costs the database one set of aggregate queries per period and minute.
 */
@ApplicationScoped
public class FiguresService {

    /** What the page says about licence turnaround until licence applications are events of the log. */
    static final String LICENCES_NOT_RECORDED =
            "not yet recorded: Sluice does not record licence applications yet, so there is no turnaround to publish";

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
        boolean enough = suppression.enoughCases(log.reviewCases());
        return new PublicFigures(
                new PeriodView(period.name(), period.from(), period.to()),
                suppression.minCount(),
                new Decisions(
                        suppression.count(decisions),
                        suppression.breakdown(log.byOutcome()),
                        suppression.breakdown(log.byCategory()),
                        suppression.breakdown(Regions.byRegion(log.byCountry()))),
                new Turnaround(
                        suppression.count(log.reviewCases()),
                        enough ? Math.round(log.reviewMedianSeconds()) : null,
                        enough ? Math.round(log.reviewP90Seconds()) : null),
                new LicenceTurnaround(false, LICENCES_NOT_RECORDED),
                new Appeals(
                        suppression.count(log.appealsFiled()),
                        suppression.count(appealsDecided),
                        suppression.breakdown(log.appealOutcomes())),
                new Alerts(suppression.count(alerts), suppression.breakdown(log.alertsByRule())));
    }
}
