package org.sluice.audit.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.sluice.audit.publicpage.AggregateRepository;

/** The aggregates of a transparency report, computed by PostgreSQL over the indexed facets. */
@ApplicationScoped
public class ReportRepository {

    private static final String IN_RANGE = " event_time >= ? AND event_time < ?";
    private static final String LICENCE_CODES =
            "ARRAY['LICENCE_REQUIRED','LICENCE_INVALID','LICENCE_QUOTA_EXCEEDED','GENERAL_LICENCE','PROVISIONAL_LICENCE']";
    private static final String DECISION_SOURCE = "convert_from(entry, 'UTF8')::jsonb #>> '{data,source}'";

    private final DataSource dataSource;

    public ReportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public TransparencyReport report(Instant from, Instant to) {
        try (Connection c = dataSource.getConnection()) {
            Range r = new Range(c, Timestamp.from(from), Timestamp.from(to));
            Map<String, Long> byOutcome =
                    r.counts("SELECT outcome, count(*) FROM log_entry WHERE type = 'TransferDecided'" + " AND"
                            + IN_RANGE + " GROUP BY outcome ORDER BY 2 DESC, 1");
            var decisions = new TransparencyReport.Decisions(
                    byOutcome.values().stream().mapToLong(Long::longValue).sum(),
                    byOutcome,
                    r.counts(
                            "SELECT coalesce(category, 'UNKNOWN'), count(*) FROM log_entry WHERE type = 'TransferDecided'"
                                    + " AND" + IN_RANGE + " GROUP BY 1 ORDER BY 2 DESC, 1"),
                    r.counts("SELECT coalesce(country, '??'), count(*) FROM log_entry WHERE type = 'TransferDecided'"
                            + " AND" + IN_RANGE + " GROUP BY 1 ORDER BY 2 DESC, 1"));
            var licensing = r.durations("SELECT extract(epoch FROM max(d.event_time) - min(q.event_time))"
                    + " FROM log_entry d JOIN log_entry q ON q.transfer_id = d.transfer_id AND q.type = 'TransferRequested'"
                    + " WHERE d.type = 'TransferDecided' AND d.reason_codes && " + LICENCE_CODES
                    + " AND d.event_time >= ? AND d.event_time < ? GROUP BY d.transfer_id");
            var reviews = r.durations(
                    "SELECT extract(epoch FROM min(d.event_time) - o.event_time)"
                            + " FROM log_entry o JOIN log_entry d ON d.transfer_id = o.transfer_id AND d.type = 'TransferDecided'"
                            + " AND d.event_time >= o.event_time AND " + DECISION_SOURCE.replace("entry", "d.entry")
                            + " IN ('REVIEW', 'APPEAL')"
                            + " WHERE o.type = 'ReviewOpened' AND o.event_time >= ? AND o.event_time < ? GROUP BY o.idx, o.event_time");
            var licenceApplications = r.durations(AggregateRepository.LICENCE_SECONDS);
            Map<String, Long> filed =
                    r.counts("SELECT 'filed', count(*) FROM log_entry WHERE type = 'AppealFiled' AND" + IN_RANGE);
            var appeals = new TransparencyReport.Appeals(
                    filed.getOrDefault("filed", 0L),
                    r.counts("SELECT outcome, count(*) FROM log_entry WHERE type = 'TransferDecided' AND "
                            + DECISION_SOURCE + " = 'APPEAL' AND" + IN_RANGE + " GROUP BY outcome ORDER BY 2 DESC, 1"));
            Map<String, Long> byRule =
                    r.counts("SELECT rule, count(*) FROM alert WHERE window_end >= ? AND window_end < ?"
                            + " GROUP BY rule ORDER BY 2 DESC, 1");
            var incidents = new TransparencyReport.Incidents(
                    byRule.values().stream().mapToLong(Long::longValue).sum(),
                    byRule,
                    r.counts("SELECT severity, count(*) FROM alert WHERE window_end >= ? AND window_end < ?"
                            + " GROUP BY severity ORDER BY 2 DESC, 1"));
            return new TransparencyReport(
                    from, to, decisions, licensing, licenceApplications, reviews, appeals, incidents);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the transparency report", e);
        }
    }

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

        TransparencyReport.Durations durations(String sql) throws SQLException {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY s),"
                            + " percentile_cont(0.9) WITHIN GROUP (ORDER BY s) FROM (" + sql + ") AS t (s)")) {
                ps.setTimestamp(1, from);
                ps.setTimestamp(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long count = rs.getLong(1);
                    return new TransparencyReport.Durations(
                            count, count == 0 ? null : rs.getDouble(2), count == 0 ? null : rs.getDouble(3));
                }
            }
        }
    }
}
