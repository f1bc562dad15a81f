package org.sluice.gateway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.StoredJson;

/**
 * The audit receipts of approvals, and the gate that keeps an approval from being sealed while its receipt
 * is awaited. With no audit service configured nothing is awaited and manifests carry no receipt. Callers
 * hold the transaction.
 */
@ApplicationScoped
public class AuditReceipts {

    /**
     * A receipt still awaited.
     *
     * @param decisionId the approval
     * @param transferId its transfer
     * @param eventId the {@code TransferDecided} event whose receipt is asked for
     * @param requestedAt since when it is awaited
     */
    public record Pending(String decisionId, String transferId, String eventId, Instant requestedAt) {}

    private final DataSource dataSource;
    private final boolean enabled;
    private final ReceiptSignal signal;
    private final TransactionSynchronizationRegistry transactions;

    public AuditReceipts(
            DataSource dataSource,
            GatewayConfig config,
            ReceiptSignal signal,
            TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.enabled = config.audit().url().isPresent();
        this.signal = signal;
        this.transactions = transactions;
    }

    /** Whether approvals wait for their audit receipt. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Starts awaiting the receipt of an approval (once per decision); once the caller's transaction has
     * committed, the collector asks for it at once.
     */
    public void expect(String decisionId, String transferId, String eventId, Instant at) {
        if (!enabled) {
            return;
        }
        update(
                "INSERT INTO audit_receipts (decision_id, transfer_id, event_id, requested_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                decisionId,
                transferId,
                eventId,
                Timestamp.from(at));
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        signal.expected(decisionId);
                    }
                }
            });
        } else {
            signal.expected(decisionId);
        }
    }

    /** Whether sealing this approval must wait: its receipt is awaited, neither obtained nor given up. */
    public boolean awaited(String decisionId) {
        if (!enabled) {
            return false;
        }
        return query(
                        "SELECT 1 FROM audit_receipts WHERE decision_id = ? AND receipt IS NULL AND gave_up_at IS NULL",
                        decisionId)
                .isPresent();
    }

    /** The receipt obtained for an approval, if one was. */
    public Optional<AuditReceipt> receipt(String decisionId) {
        return query(
                        "SELECT receipt::text FROM audit_receipts WHERE decision_id = ? AND receipt IS NOT NULL",
                        decisionId)
                .map(json -> StoredJson.read(json, AuditReceipt.class));
    }

    /**
     * Records the receipt obtained, if the approval still awaits one.
     *
     * @return false when another request recorded one (or gave up) first: the first receipt stands
     */
    public boolean obtained(String decisionId, AuditReceipt receipt, Instant at) {
        return update(
                "UPDATE audit_receipts SET receipt = ?::jsonb, obtained_at = ? WHERE decision_id = ?"
                        + " AND receipt IS NULL AND gave_up_at IS NULL",
                StoredJson.write(receipt),
                Timestamp.from(at),
                decisionId);
    }

    /**
     * Records that no receipt will be waited for any more, and why, if the approval still awaits one.
     *
     * @return false when a receipt was recorded (or the wait given up) first
     */
    public boolean gaveUp(String decisionId, String why, Instant at) {
        return update(
                "UPDATE audit_receipts SET gave_up_at = ?, gave_up_why = ? WHERE decision_id = ?"
                        + " AND receipt IS NULL AND gave_up_at IS NULL",
                Timestamp.from(at),
                why,
                decisionId);
    }

    /** The receipt of this approval, if it is still awaited. */
    public Optional<Pending> pending(String decisionId) {
        return pending("decision_id = ?", decisionId, 1).stream().findFirst();
    }

    /** The receipts awaited, oldest first. */
    public List<Pending> pending(int limit) {
        return pending("TRUE", null, limit);
    }

    private List<Pending> pending(String condition, String parameter, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT decision_id, transfer_id, event_id, requested_at FROM audit_receipts"
                                + " WHERE receipt IS NULL AND gave_up_at IS NULL AND " + condition
                                + " ORDER BY requested_at LIMIT ?")) {
            int i = 1;
            if (parameter != null) {
                ps.setString(i++, parameter);
            }
            ps.setInt(i, limit);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the awaited audit receipts", e);
        }
    }

    private Optional<String> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit receipts", e);
        }
    }

    private boolean update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record an audit receipt", e);
        }
    }
}
