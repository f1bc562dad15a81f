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
import org.sluice.events.review.ReviewKind;

/**
 * The review cases of transfers, projected from {@code ReviewOpened}, {@code ReviewEscalated} and the
 * decisions that settle them, in whichever order they arrive. Callers hold the transaction.
 */
@ApplicationScoped
public class ReviewRepository {

    private final DataSource dataSource;

    public ReviewRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records an opened case; a case already settled stays settled. */
    public void opened(
            String reviewId,
            String transferId,
            ReviewKind kind,
            String decisionId,
            Instant openedAt,
            Instant deadline) {
        update(
                "INSERT INTO reviews (review_id, transfer_id, kind, decision_id, opened_at, deadline)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO UPDATE SET kind = EXCLUDED.kind,"
                        + " decision_id = EXCLUDED.decision_id, opened_at = EXCLUDED.opened_at,"
                        + " deadline = COALESCE(reviews.deadline, EXCLUDED.deadline)",
                ps -> {
                    ps.setString(1, reviewId);
                    ps.setString(2, transferId);
                    ps.setString(3, kind.name());
                    ps.setString(4, decisionId);
                    ps.setTimestamp(5, Timestamp.from(openedAt));
                    ps.setTimestamp(6, Timestamp.from(deadline));
                });
    }

    /** Records an escalation: the new deadline, and the role that must now decide. */
    public void escalated(String reviewId, String transferId, Instant newDeadline, String toRole) {
        update(
                "INSERT INTO reviews (review_id, transfer_id, deadline, escalated, escalated_to)"
                        + " VALUES (?, ?, ?, TRUE, ?) ON CONFLICT (review_id) DO UPDATE SET"
                        + " deadline = EXCLUDED.deadline, escalated = TRUE, escalated_to = EXCLUDED.escalated_to",
                ps -> {
                    ps.setString(1, reviewId);
                    ps.setString(2, transferId);
                    ps.setTimestamp(3, Timestamp.from(newDeadline));
                    ps.setString(4, toRole);
                });
    }

    /** Records the decision that settled a case (the case may not be known yet). */
    public void closed(String reviewId, String transferId, String decisionId, Instant at) {
        update(
                "INSERT INTO reviews (review_id, transfer_id, closed_at, closing_decision_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (review_id) DO UPDATE SET closed_at = EXCLUDED.closed_at,"
                        + " closing_decision_id = EXCLUDED.closing_decision_id",
                ps -> {
                    ps.setString(1, reviewId);
                    ps.setString(2, transferId);
                    ps.setTimestamp(3, Timestamp.from(at));
                    ps.setString(4, decisionId);
                });
    }

    /** A case by id. */
    public Optional<ReviewRecord> find(String reviewId) {
        return query("SELECT * FROM reviews WHERE review_id = ?", reviewId);
    }

    /** The transfer's open case (opened, not settled), the latest if there were several. */
    public Optional<ReviewRecord> open(String transferId) {
        return query(
                "SELECT * FROM reviews WHERE transfer_id = ? AND opened_at IS NOT NULL AND closed_at IS NULL"
                        + " ORDER BY opened_at DESC LIMIT 1",
                transferId);
    }

    private Optional<ReviewRecord> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String kind = rs.getString("kind");
                return Optional.of(new ReviewRecord(
                        rs.getString("review_id"),
                        rs.getString("transfer_id"),
                        kind == null ? null : ReviewKind.valueOf(kind),
                        instant(rs.getTimestamp("opened_at")),
                        instant(rs.getTimestamp("deadline")),
                        rs.getBoolean("escalated"),
                        instant(rs.getTimestamp("closed_at"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read review cases", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a review case", e);
        }
    }
}
