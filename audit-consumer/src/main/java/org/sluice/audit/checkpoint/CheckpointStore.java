package org.sluice.audit.checkpoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sluice.audit.AuditConfig;

/** The stored checkpoints. */
@ApplicationScoped
public class CheckpointStore {

    private static final String COLUMNS =
            "tree_size, root_hash, signed_at, key_id, note, previous_tree_size, consistency_proof";

    private final DataSource dataSource;
    private final String origin;

    public CheckpointStore(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.origin = config.origin();
    }

    /** The newest checkpoint. */
    public Optional<SignedCheckpoint> latest() {
        return one("SELECT " + COLUMNS + " FROM checkpoint ORDER BY tree_size DESC LIMIT 1", -1);
    }

    /** The checkpoint of exactly this size. */
    public Optional<SignedCheckpoint> at(long treeSize) {
        return one("SELECT " + COLUMNS + " FROM checkpoint WHERE tree_size = ?", treeSize);
    }

    /** Checkpoints from a size on, oldest first. */
    public List<SignedCheckpoint> from(long treeSize, int limit) {
        List<SignedCheckpoint> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM checkpoint WHERE tree_size >= ? ORDER BY tree_size LIMIT ?")) {
            ps.setLong(1, treeSize);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints", e);
        }
        return found;
    }

    /** Stores a checkpoint in the caller's transaction. */
    void insert(SignedCheckpoint checkpoint, byte[] root, List<byte[]> proof) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, checkpoint.treeSize());
            ps.setBytes(2, root);
            ps.setTimestamp(3, Timestamp.from(checkpoint.timestamp()));
            ps.setString(4, checkpoint.keyId());
            ps.setString(5, checkpoint.note());
            ps.setLong(6, checkpoint.previousTreeSize());
            ps.setArray(7, c.createArrayOf("bytea", proof.toArray(byte[][]::new)));
            ps.executeUpdate();
        }
    }

    private Optional<SignedCheckpoint> one(String sql, long size) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (size >= 0) {
                ps.setLong(1, size);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints", e);
        }
    }

    private SignedCheckpoint read(ResultSet rs) throws SQLException {
        Array proof = rs.getArray(7);
        List<String> hashes = Arrays.stream((Object[]) proof.getArray())
                .map(h -> Base64.getEncoder().encodeToString((byte[]) h))
                .toList();
        return new SignedCheckpoint(
                origin,
                rs.getLong(1),
                Base64.getEncoder().encodeToString(rs.getBytes(2)),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                hashes);
    }
}
