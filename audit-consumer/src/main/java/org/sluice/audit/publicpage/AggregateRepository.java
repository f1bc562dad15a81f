package org.sluice.audit.publicpage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The public figures' aggregates, computed by PostgreSQL over the log's facets in one read-only
 * transaction (so every figure sees the same log). Each query selects a count or a duration per key
 * only: no row of the log leaves the database. Indexed by {@code V4__public_figures.sql}.
 */
@ApplicationScoped
public class AggregateRepository {

    private static final String DECISIONS =
            "FROM log_entry WHERE type = 'TransferDecided' AND event_time >= ? AND event_time < ?";

    private static String data(String entry) {
        return "(convert_from(" + entry + ", 'UTF8')::jsonb -> 'data')";
    }

    /** Each case's first decision by reviewers, joined to the case's opening; seconds in between. */
    private static final String REVIEW_SECONDS = "SELECT extract(epoch FROM greatest(d.decided - o.event_time,"
            + " interval '0')) FROM (SELECT transfer_id, " + data("entry") + " ->> 'reviewId' AS review_id,"
            + " min(event_time) AS decided " + DECISIONS + " AND outcome <> 'REVIEW' AND "
            + data("entry") + " ->> 'source' IN ('REVIEW', 'APPEAL') GROUP BY 1, 2) d"
            + " JOIN log_entry o ON o.type = 'ReviewOpened' AND o.transfer_id = d.transfer_id"
            + " AND " + data("o.entry") + " ->> 'reviewId' = d.review_id";

    /**
     * Each licence application decided in the period, once: its first {@code LicenceApplicationDecided}
     * (should the log hold two), and only with one of the contract's outcomes, so no other text of an
     * entry can become a published key.
     */
    private static final String LICENCE_DECISIONS = "SELECT DISTINCT ON (subject) outcome, event_time, "
            + data("entry") + " AS data FROM log_entry WHERE type = 'LicenceApplicationDecided'"
            + " AND event_time >= ? AND event_time < ? AND outcome IN ('GRANTED', 'REFUSED', 'WITHDRAWN')"
            + " ORDER BY subject, event_time, idx";

    /**
     * Granted and refused applications' seconds from applied to decided (a withdrawal is no decision); one
     * whose {@code appliedAt} is not an instant is not measured ({@code V5__licence_figures.sql}). The
     * transparency report measures the same.
     */
    public static final String LICENCE_SECONDS = "SELECT extract(epoch FROM greatest(event_time"
            + " - sluice_instant(data ->> 'appliedAt'), interval '0')) FROM (" + LICENCE_DECISIONS + ") l"
            + " WHERE outcome <> 'WITHDRAWN' AND sluice_instant(data ->> 'appliedAt') IS NOT NULL";

    /** Granted and refused applications by whether they were decided after the date first given. */
    private static final String LICENCE_TIMELINESS = "SELECT CASE WHEN data -> 'late' = 'true' THEN 'LATE'"
            + " ELSE 'ON_TIME' END, count(*) FROM (" + LICENCE_DECISIONS + ") l WHERE outcome <> 'WITHDRAWN'"
            + " AND jsonb_typeof(data -> 'late') = 'boolean' GROUP BY 1";

    private final DataSource dataSource;

    public AggregateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    LogAggregates aggregate(Period period) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Range r = new Range(c, Timestamp.from(period.from()), Timestamp.from(period.to()));
                Durations reviews = r.durations(REVIEW_SECONDS);
                Durations licences = r.durations(LICENCE_SECONDS);
                LogAggregates aggregates = new LogAggregates(
                        r.counts("SELECT outcome, count(*) " + DECISIONS + " GROUP BY 1"),
                        r.counts("SELECT coalesce(category, 'UNKNOWN'), count(*) " + DECISIONS + " GROUP BY 1"),
                        r.counts("SELECT coalesce(country, ''), count(*) " + DECISIONS + " GROUP BY 1"),
                        reviews.count(),
                        reviews.median(),
                        reviews.p90(),
                        r.counts("SELECT 'filed', count(*) FROM log_entry WHERE type = 'AppealFiled'"
                                        + " AND event_time >= ? AND event_time < ?")
                                .getOrDefault("filed", 0L),
                        r.counts("SELECT outcome, count(*) " + DECISIONS + " AND " + data("entry")
                                + " ->> 'source' = 'APPEAL' GROUP BY 1"),
                        r.counts("SELECT rule, count(*) FROM alert WHERE window_end >= ? AND window_end < ?"
                                + " GROUP BY 1"),
                        r.counts("SELECT outcome, count(*) FROM (" + LICENCE_DECISIONS + ") l GROUP BY 1"),
                        licences.count(),
                        licences.median(),
                        licences.p90(),
                        r.counts(LICENCE_TIMELINESS));
                c.commit();
                return aggregates;
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the public figures", e);
        }
    }

    private record Durations(long count, Double median, Double p90) {}

    private record Range(Connection c, Timestamp from, Timestamp to) {

        Map<String, Long> counts(String sql) throws SQLException {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, from);
                ps.setTimestamp(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        }

        /** Count, median and 90th percentile of the seconds a query selects. */
        Durations durations(String sql) throws SQLException {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY s),"
                            + " percentile_cont(0.9) WITHIN GROUP (ORDER BY s) FROM (" + sql + ") AS t (s)")) {
                ps.setTimestamp(1, from);
                ps.setTimestamp(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long count = rs.getLong(1);
                    return new Durations(
                            count, count == 0 ? null : rs.getDouble(2), count == 0 ? null : rs.getDouble(3));
                }
            }
        }
    }
}
