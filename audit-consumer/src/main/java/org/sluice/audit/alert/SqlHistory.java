package org.sluice.audit.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sluice.events.json.Json;

/** {@link History} read from the log's indexed facets. */
@ApplicationScoped
public class SqlHistory implements History {

    private static final int MAX_EVIDENCE = 1000;

    private final DataSource dataSource;

    public SqlHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Long> denialsOfInstitution(String institution, Instant since, long upTo) {
        return indices(
                "SELECT idx FROM log_entry WHERE institution = ? AND type = 'TransferDecided'"
                        + " AND outcome = 'DENY' AND event_time >= ? AND idx <= ? ORDER BY idx LIMIT " + MAX_EVIDENCE,
                institution,
                Timestamp.from(since),
                upTo);
    }

    @Override
    public List<Long> denialsOfSubmitter(String submitter, Instant since, long upTo) {
        return indices(
                "SELECT d.idx FROM log_entry d WHERE d.type = 'TransferDecided' AND d.outcome = 'DENY'"
                        + " AND d.event_time >= ? AND d.idx <= ? AND EXISTS (SELECT 1 FROM log_entry r"
                        + " WHERE r.transfer_id = d.transfer_id AND r.type = 'TransferRequested' AND r.actor = ?)"
                        + " ORDER BY d.idx LIMIT " + MAX_EVIDENCE,
                Timestamp.from(since),
                upTo,
                submitter);
    }

    @Override
    public Optional<String> submitterOf(String transferId) {
        // not bounded by the triggering entry: the request travels on another topic and may be logged after the
        // decision
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT actor FROM log_entry WHERE transfer_id = ?"
                        + " AND type = 'TransferRequested' ORDER BY idx LIMIT 1")) {
            ps.setString(1, transferId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
    }

    @Override
    public Optional<Long> earlierDenial(String transferId, long before) {
        List<Long> found = indices(
                "SELECT idx FROM log_entry WHERE transfer_id = ? AND type = 'TransferDecided'"
                        + " AND outcome = 'DENY' AND idx < ? ORDER BY idx DESC LIMIT 1",
                transferId,
                before);
        return found.stream().findFirst();
    }

    @Override
    public List<Long> accessDenied(Instant since, long upTo) {
        return indices(
                "SELECT idx FROM log_entry WHERE type = 'AccessDenied' AND event_time >= ? AND idx <= ?"
                        + " ORDER BY idx LIMIT " + MAX_EVIDENCE,
                Timestamp.from(since),
                upTo);
    }

    @Override
    public List<CaseOpened> casesOpened(String transferId) {
        List<CaseOpened> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT idx, d ->> 'reviewId', COALESCE((d ->>"
                        + " 'requiredVotes')::int, 0) FROM (SELECT idx, convert_from(entry, 'UTF8')::jsonb -> 'data' AS d"
                        + " FROM log_entry WHERE transfer_id = ? AND type = 'ReviewOpened') o ORDER BY idx LIMIT "
                        + MAX_EVIDENCE)) {
            ps.setString(1, transferId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new CaseOpened(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
        return found;
    }

    @Override
    public List<PastDecision> decisionsOf(String transferId, long before) {
        List<PastDecision> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT idx, convert_from(entry, 'UTF8') FROM log_entry"
                        + " WHERE transfer_id = ? AND type = 'TransferDecided' AND idx < ? ORDER BY idx LIMIT "
                        + MAX_EVIDENCE)) {
            ps.setString(1, transferId);
            ps.setLong(2, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DecisionFacts d = DecisionFacts.of(
                            Json.mapper().readTree(rs.getString(2)).path("data"));
                    found.add(new PastDecision(
                            rs.getLong(1),
                            d.decisionId(),
                            d.outcome(),
                            d.source(),
                            d.reviewId(),
                            d.deciders(),
                            d.requiredDeciders()));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
        return found;
    }

    private List<Long> indices(String sql, Object... args) {
        List<Long> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
        return found;
    }
}
