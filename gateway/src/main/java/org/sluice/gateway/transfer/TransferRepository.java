package org.sluice.gateway.transfer;

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
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.gateway.StoredJson;
import org.sluice.gateway.sealing.SealingRefusalView;

/** The transfers table and its history: the status projection. Callers hold the transaction. */
@ApplicationScoped
public class TransferRepository {

    private static final String COLUMNS = "transfer_id, institution_id, submitted_by, request, state, created_at,"
            + " updated_at, decision, decided_at";

    private final DataSource dataSource;

    public TransferRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new transfer and its first history entry. */
    public void insert(TransferRecord t) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO transfers (transfer_id, institution_id,"
                        + " submitted_by, partner_id, request, state, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.institutionId());
            ps.setString(3, t.submittedBy());
            ps.setString(4, t.partnerId());
            ps.setString(5, StoredJson.write(t.request()));
            ps.setString(6, t.state().name());
            ps.setTimestamp(7, Timestamp.from(t.createdAt()));
            ps.setTimestamp(8, Timestamp.from(t.updatedAt()));
            ps.executeUpdate();
            appendHistory(c, t.id(), t.state(), t.createdAt(), null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store transfer " + t.id(), e);
        }
    }

    /** A transfer by id. */
    public Optional<TransferRecord> find(String id) {
        return query("SELECT " + COLUMNS + " FROM transfers WHERE transfer_id = ?", id);
    }

    /**
     * An institution's transfers matching a filter, newest first (ties by id), at most {@code filter.limit() + 1}
     * so the caller knows whether another page follows.
     */
    public List<TransferRecord> list(String institutionId, TransferFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM transfers WHERE institution_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(institutionId);
        if (!filter.states().isEmpty()) {
            sql.append(" AND state = ANY (?)");
            parameters.add(filter.states().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        if (filter.partnerId() != null) {
            sql.append(" AND partner_id = ?");
            parameters.add(filter.partnerId());
        }
        if (filter.country() != null) {
            sql.append(" AND request->'destination'->>'country' = ?");
            parameters.add(filter.country());
        }
        if (filter.category() != null) {
            sql.append(" AND request->'dataset'->>'category' = ?");
            parameters.add(filter.category().name());
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND created_at >= ?");
            parameters.add(Timestamp.from(filter.createdFrom()));
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND created_at < ?");
            parameters.add(Timestamp.from(filter.createdBefore()));
        }
        if (filter.after() != null) {
            sql.append(" AND (created_at, transfer_id) < (?, ?)");
            parameters.add(Timestamp.from(filter.after().createdAt()));
            parameters.add(filter.after().id());
        }
        sql.append(" ORDER BY created_at DESC, transfer_id DESC LIMIT ?");
        parameters.add(filter.limit() + 1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<TransferRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(read(rs));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the transfers of " + institutionId, e);
        }
    }

    /** A transfer by id, locked until the transaction ends (serialises uploads, decisions and cancellation). */
    public Optional<TransferRecord> lock(String id) {
        return query("SELECT " + COLUMNS + " FROM transfers WHERE transfer_id = ? FOR UPDATE", id);
    }

    /**
     * Bytes of payload an institution holds in the gateway: the declared sizes of its transfers that are
     * awaiting, holding or delivering data and were not purged. Locks the institution's quota until the
     * transaction ends, so concurrent submissions cannot both take the last room.
     */
    public long reservedBytes(String institutionId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "quota:" + institutionId);
                lock.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(SUM((t.request->'payload'->>'sizeBytes')::bigint), 0) FROM transfers t"
                            + " LEFT JOIN staged_payloads s ON s.transfer_id = t.transfer_id"
                            + " WHERE t.institution_id = ? AND s.purged_at IS NULL AND t.state IN ('RECEIVED',"
                            + " 'STAGED', 'IN_REVIEW', 'APPROVED', 'DENIED', 'APPEALED', 'REFUSED', 'SEALED', 'FETCHED',"
                            + " 'ACKNOWLEDGED')")) {
                ps.setString(1, institutionId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the storage used by " + institutionId, e);
        }
    }

    /**
     * Transfers still awaiting an upload that never started, created before {@code cutoff}: their quota
     * reservation has lapsed. Oldest first, at most {@code limit}.
     *
     * @param institutionId only this institution's; null for every institution's
     */
    public List<String> lapsedReservations(Instant cutoff, String institutionId, int limit) {
        String sql = "SELECT t.transfer_id FROM transfers t WHERE t.state = 'RECEIVED' AND t.created_at < ?"
                + (institutionId == null ? "" : " AND t.institution_id = ?")
                + " AND NOT EXISTS (SELECT 1 FROM uploads_in_progress u WHERE u.transfer_id = t.transfer_id)"
                + " ORDER BY t.created_at LIMIT ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setTimestamp(i++, Timestamp.from(cutoff));
            if (institutionId != null) {
                ps.setString(i++, institutionId);
            }
            ps.setInt(i, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find lapsed quota reservations", e);
        }
    }

    /** The ids of a partner's transfers in a state, oldest first. */
    public List<String> idsInState(String partnerId, TransferState state) {
        return strings(
                "SELECT transfer_id FROM transfers WHERE partner_id = ? AND state = ? ORDER BY created_at",
                partnerId,
                state.name());
    }

    /** The partners with transfers in a state. */
    public List<String> partnersWithState(TransferState state) {
        return strings("SELECT DISTINCT partner_id FROM transfers WHERE state = ?", state.name());
    }

    private List<String> strings(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    /** Moves a transfer to a state and records the change in its history. */
    public void changeState(String id, TransferState state, Instant at, String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE transfers SET state = ?, updated_at = ? WHERE transfer_id = ?")) {
            ps.setString(1, state.name());
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, id);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no transfer " + id);
            }
            appendHistory(c, id, state, at, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the state of " + id, e);
        }
    }

    /** Records the latest decision (it supersedes any earlier one). */
    public void recordDecision(String id, TransferDecided decision, Instant decidedAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE transfers SET decision = ?::jsonb, decided_at = ? WHERE transfer_id = ?")) {
            ps.setString(1, StoredJson.write(decision));
            ps.setTimestamp(2, Timestamp.from(decidedAt));
            ps.setString(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the decision on " + id, e);
        }
    }

    /** Records the latest approval the gateway refused to seal for (see {@code SealingRefusals}). */
    public void recordRefusal(String id, SealingRefusalView refusal) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE transfers SET sealing_refusal = ?::jsonb WHERE transfer_id = ?")) {
            ps.setString(1, StoredJson.write(refusal));
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the sealing refusal of " + id, e);
        }
    }

    /** The latest approval the gateway refused to seal for, if any. */
    public Optional<SealingRefusalView> refusal(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT sealing_refusal FROM transfers WHERE transfer_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                String json = rs.next() ? rs.getString(1) : null;
                return json == null ? Optional.empty() : Optional.of(StoredJson.read(json, SealingRefusalView.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sealing refusal of " + id, e);
        }
    }

    /**
     * A history entry with its position in the history table.
     *
     * @param seq its position (increasing)
     * @param entry the entry
     */
    public record Sequenced(long seq, HistoryEntry entry) {}

    /** The state changes of a transfer after a position, oldest first. */
    public List<Sequenced> historyAfter(String id, long afterSeq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq, state, at, event_id FROM transfer_history"
                        + " WHERE transfer_id = ? AND seq > ? ORDER BY seq")) {
            ps.setString(1, id);
            ps.setLong(2, afterSeq);
            List<Sequenced> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Sequenced(
                            rs.getLong(1),
                            new HistoryEntry(
                                    TransferState.valueOf(rs.getString(2)),
                                    rs.getTimestamp(3).toInstant(),
                                    rs.getString(4))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + id, e);
        }
    }

    /** The state changes of a transfer, oldest first. */
    public List<HistoryEntry> history(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT state, at, event_id FROM transfer_history WHERE transfer_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(
                            TransferState.valueOf(rs.getString(1)),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + id, e);
        }
    }

    private Optional<TransferRecord> query(String sql, String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read transfer " + id, e);
        }
    }

    private static TransferRecord read(ResultSet rs) throws SQLException {
        String decision = rs.getString("decision");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new TransferRecord(
                rs.getString("transfer_id"),
                rs.getString("institution_id"),
                rs.getString("submitted_by"),
                StoredJson.read(rs.getString("request"), TransferRequest.class),
                TransferState.valueOf(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                decision == null ? null : StoredJson.read(decision, TransferDecided.class),
                decidedAt == null ? null : decidedAt.toInstant());
    }

    private static void appendHistory(Connection c, String id, TransferState state, Instant at, String eventId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO transfer_history (transfer_id, state, at, event_id) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, state.name());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, eventId);
            ps.executeUpdate();
        }
    }
}
