package org.sluice.gateway.staging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The chunked uploads in progress, in PostgreSQL, and the lock that lets one request at a time, on any
 * replica, write one of them (a session-level advisory lock, released when the request ends or its
 * connection dies with a killed replica).
 */
@ApplicationScoped
public class UploadRecords {

    private static final Logger LOG = Logger.getLogger(UploadRecords.class);

    /** First key of the gateway's upload advisory locks; the second is the transfer id's hash. */
    private static final int LOCK_CLASS = 0x534c5550;

    /** SQLSTATE of a lock wait that ran out ({@code lock_timeout}). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final String COLUMNS =
            "transfer_id, pending_ref, header_bytes, received_bytes, writer, started_at, updated_at";

    /**
     * One upload in progress.
     *
     * @param transferId the transfer
     * @param pendingRef the pending store object being written
     * @param headerBytes size of the Crypt4GH header at the start of the pending object
     * @param receivedBytes plaintext bytes durably in the pending object: a whole number of segments
     * @param writer the session that last wrote it (a replica's in-memory session is current only if it wrote last)
     * @param startedAt when the upload started
     * @param updatedAt when it last progressed
     */
    public record UploadRecord(
            String transferId,
            String pendingRef,
            long headerBytes,
            long receivedBytes,
            String writer,
            Instant startedAt,
            Instant updatedAt) {}

    /** A held upload lock; closing it releases the lock. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;

    public UploadRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the upload lock of a transfer, or empty when another request (on any replica) holds it. */
    public Optional<Lock> tryLock(String transferId) {
        return tryLock(transferId, Duration.ZERO);
    }

    /**
     * Takes the upload lock of a transfer, waiting up to {@code wait} for a request that holds it to end
     * (e.g. the broken-off request of a client that retries at once); empty when it is still held.
     */
    public Optional<Lock> tryLock(String transferId, Duration wait) {
        int key = transferId.hashCode();
        Connection c = null;
        try {
            c = dataSource.getConnection();
            boolean locked = wait.isZero() ? tryAdvisoryLock(c, key) : advisoryLock(c, key, wait);
            if (!locked) {
                c.close();
                return Optional.empty();
            }
            Connection held = c;
            return Optional.of(() -> unlock(held, key, transferId));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot lock the upload of " + transferId, e);
        }
    }

    private static boolean tryAdvisoryLock(Connection c, int key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean advisoryLock(Connection c, int key, Duration wait) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, key);
            ps.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET lock_timeout");
            }
        }
    }

    private static void unlock(Connection c, int key, String transferId) {
        try (c;
                PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, key);
            ps.executeQuery().close();
        } catch (SQLException e) {
            LOG.errorf("could not release the upload lock of %s: %s", transferId, e.toString());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("closing a connection failed: %s", e.toString());
            }
        }
    }

    /** The upload in progress of a transfer. */
    public Optional<UploadRecord> find(String transferId) {
        List<UploadRecord> found =
                query("SELECT " + COLUMNS + " FROM uploads_in_progress WHERE transfer_id = ?", transferId, null);
        return found.stream().findFirst();
    }

    /** Uploads that have not progressed since {@code cutoff}. */
    public List<UploadRecord> idleSince(Instant cutoff) {
        return query("SELECT " + COLUMNS + " FROM uploads_in_progress WHERE updated_at < ?", null, cutoff);
    }

    /** Whether a pending object belongs to an upload in progress. */
    public boolean inUse(String pendingRef) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM uploads_in_progress WHERE pending_ref = ?")) {
            ps.setString(1, pendingRef);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up pending object " + pendingRef, e);
        }
    }

    /** Records a new upload, replacing an earlier one of the same transfer. */
    public void start(UploadRecord r) {
        update(
                "INSERT INTO uploads_in_progress (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (transfer_id) DO UPDATE SET pending_ref = EXCLUDED.pending_ref,"
                        + " header_bytes = EXCLUDED.header_bytes, received_bytes = EXCLUDED.received_bytes,"
                        + " writer = EXCLUDED.writer, started_at = EXCLUDED.started_at,"
                        + " updated_at = EXCLUDED.updated_at",
                r.transferId(),
                ps -> {
                    ps.setString(1, r.transferId());
                    ps.setString(2, r.pendingRef());
                    ps.setLong(3, r.headerBytes());
                    ps.setLong(4, r.receivedBytes());
                    ps.setString(5, r.writer());
                    ps.setTimestamp(6, Timestamp.from(r.startedAt()));
                    ps.setTimestamp(7, Timestamp.from(r.updatedAt()));
                });
    }

    /** Records progress that is durable in the pending object, and which session made it. */
    public void progressed(String transferId, long receivedBytes, String writer, Instant at) {
        update(
                "UPDATE uploads_in_progress SET received_bytes = ?, writer = ?, updated_at = ? WHERE transfer_id = ?",
                transferId,
                ps -> {
                    ps.setLong(1, receivedBytes);
                    ps.setString(2, writer);
                    ps.setTimestamp(3, Timestamp.from(at));
                    ps.setString(4, transferId);
                });
    }

    /** Forgets the upload of a transfer (finished or discarded). */
    public void delete(String transferId) {
        update("DELETE FROM uploads_in_progress WHERE transfer_id = ?", transferId, ps -> ps.setString(1, transferId));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, String transferId, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the upload of " + transferId, e);
        }
    }

    private List<UploadRecord> query(String sql, String transferId, Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (transferId != null) {
                ps.setString(1, transferId);
            } else {
                ps.setTimestamp(1, Timestamp.from(cutoff));
            }
            List<UploadRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new UploadRecord(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read uploads in progress", e);
        }
    }
}
