package org.sluice.gateway.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.sluice.events.decision.Outcome;

/** The appeals table. Callers hold the transaction. */
@ApplicationScoped
public class AppealRepository {

    private final DataSource dataSource;

    public AppealRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new appeal; false when a concurrent request took its idempotency key first. */
    public boolean insert(AppealRecord a) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO appeals (appeal_id, transfer_id,"
                        + " institution_id, filed_by, decision_id, statement, filed_at, event_id, idempotency_key,"
                        + " request_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, a.appealId());
            ps.setString(2, a.transferId());
            ps.setString(3, a.institutionId());
            ps.setString(4, a.filedBy());
            ps.setString(5, a.decisionId());
            ps.setString(6, a.statement());
            ps.setTimestamp(7, Timestamp.from(a.filedAt()));
            ps.setString(8, a.eventId());
            ps.setString(9, a.idempotencyKey());
            ps.setString(10, a.requestSha256());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store appeal " + a.appealId(), e);
        }
    }

    /** The appeal an institution filed with an {@code Idempotency-Key}, if it did. */
    public Optional<AppealRecord> byIdempotencyKey(String institutionId, String key) {
        return query("SELECT * FROM appeals WHERE institution_id = ? AND idempotency_key = ?", institutionId, key);
    }

    /** The transfer's latest appeal. */
    public Optional<AppealRecord> latest(String transferId) {
        return query("SELECT * FROM appeals WHERE transfer_id = ? ORDER BY filed_at DESC LIMIT 1", transferId);
    }

    /** Records the outcome of the transfer's open appeal, if it has one. */
    public void decided(String transferId, Outcome outcome, String decisionId, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE appeals SET outcome = ?, outcome_decision_id = ?,"
                        + " decided_at = ? WHERE transfer_id = ? AND outcome IS NULL")) {
            ps.setString(1, outcome.name());
            ps.setString(2, decisionId);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, transferId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the outcome of the appeal of " + transferId, e);
        }
    }

    private Optional<AppealRecord> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String outcome = rs.getString("outcome");
                Timestamp decidedAt = rs.getTimestamp("decided_at");
                return Optional.of(new AppealRecord(
                        rs.getString("appeal_id"),
                        rs.getString("transfer_id"),
                        rs.getString("institution_id"),
                        rs.getString("filed_by"),
                        rs.getString("decision_id"),
                        rs.getString("statement"),
                        rs.getTimestamp("filed_at").toInstant(),
                        rs.getString("event_id"),
                        rs.getString("idempotency_key"),
                        rs.getString("request_sha256"),
                        outcome == null ? null : Outcome.valueOf(outcome),
                        rs.getString("outcome_decision_id"),
                        decidedAt == null ? null : decidedAt.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read appeals", e);
        }
    }
}
