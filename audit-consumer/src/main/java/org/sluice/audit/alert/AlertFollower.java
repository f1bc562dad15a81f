package org.sluice.audit.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.sluice.audit.log.FacetColumns;
import org.sluice.events.Principal;
import org.sluice.events.json.Json;
import org.sluice.events.security.SecurityAlert;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;

/**
 * Runs the alert rules over the log in index order, behind its own cursor: each round locks the cursor
 * row, evaluates the next entries, stores the alerts, adds their {@link SecurityAlert} events to the
 * outbox and moves the cursor, in one transaction. A crash re-evaluates the same entries to the same
 * alerts (their ids derive from rule, subjects and triggering entry), so none is lost or doubled.
 */
@ApplicationScoped
public class AlertFollower {

    private static final Logger LOG = Logger.getLogger(AlertFollower.class);
    private static final Principal ACTOR = Principal.system("audit");

    private final DataSource dataSource;
    private final AlertRules rules;
    private final History history;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final MeterRegistry meters;
    private final int batchSize;

    public AlertFollower(
            DataSource dataSource,
            AlertConfig config,
            SqlHistory history,
            Outbox outbox,
            EventPublisher publisher,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.rules = new AlertRules(config);
        this.history = history;
        this.outbox = outbox;
        this.publisher = publisher;
        this.meters = meters;
        this.batchSize = config.batchSize();
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        catchUp();
    }

    /** Evaluates every entry not evaluated yet. */
    public synchronized void catchUp() {
        try {
            while (round() == batchSize) {
                // a full round: there may be more
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "alert rules failed; retrying");
        }
    }

    private int round() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                long next;
                try (PreparedStatement ps = c.prepareStatement(
                                "SELECT next_index FROM alert_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED");
                        ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0; // another replica is evaluating
                    }
                    next = rs.getLong(1);
                }
                List<EntryFacts> entries = read(c, next);
                for (EntryFacts e : entries) {
                    for (AlertDraft draft : rules.evaluate(e, history)) {
                        raise(c, e.index(), draft);
                    }
                }
                if (!entries.isEmpty()) {
                    try (PreparedStatement ps =
                            c.prepareStatement("UPDATE alert_cursor SET next_index = ? WHERE id = 1")) {
                        ps.setLong(1, entries.get(entries.size() - 1).index() + 1);
                        ps.executeUpdate();
                    }
                }
                return entries.size();
            }
        });
    }

    private List<EntryFacts> read(Connection c, long from) throws Exception {
        List<EntryFacts> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT idx, type, event_time, actor, " + FacetColumns.LIST
                + ", entry FROM log_entry WHERE idx >= ?"
                + " ORDER BY idx LIMIT ?")) {
            ps.setLong(1, from);
            ps.setInt(2, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new EntryFacts(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            FacetColumns.read(rs, 5),
                            Json.mapper().readTree(rs.getBytes(12)).path("data")));
                }
            }
        }
        return entries;
    }

    private void raise(Connection c, long trigger, AlertDraft draft) throws SQLException {
        String id = UUID.nameUUIDFromBytes(
                        (draft.rule() + "|" + trigger + "|" + new java.util.TreeMap<>(draft.subjects()))
                                .getBytes(StandardCharsets.UTF_8))
                .toString();
        SecurityAlert alert = new SecurityAlert(
                id,
                draft.rule(),
                draft.severity(),
                draft.summary(),
                draft.evidence(),
                draft.subjects(),
                draft.windowStart(),
                draft.windowEnd());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (alert_id, rule, severity, summary, evidence,"
                + " subjects, window_start, window_end, trigger_idx) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                + " ON CONFLICT (alert_id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, alert.rule());
            ps.setString(3, alert.severity().name());
            ps.setString(4, alert.summary());
            ps.setArray(5, c.createArrayOf("bigint", alert.evidence().toArray()));
            ps.setString(6, Json.mapper().valueToTree(alert.subjects()).toString());
            ps.setTimestamp(7, Timestamp.from(alert.windowStart()));
            ps.setTimestamp(8, Timestamp.from(alert.windowEnd()));
            ps.setLong(9, trigger);
            if (ps.executeUpdate() == 0) {
                return;
            }
        }
        outbox.add(publisher.event(id, ACTOR, alert));
        meters.counter(
                        "sluice.audit.alerts",
                        "rule",
                        alert.rule(),
                        "severity",
                        alert.severity().name())
                .increment();
        LOG.warnf(
                "SECURITY ALERT %s [%s] %s; evidence %s",
                alert.rule(), alert.severity(), alert.summary(), alert.evidence());
    }
}
