package org.sluice.gateway.staging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/** What was staged for each transfer. */
@ApplicationScoped
public class StagedPayloads {

    private final DataSource dataSource;

    public StagedPayloads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a staged payload. */
    public void insert(StagedPayload s) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO staged_payloads (transfer_id, object_key,"
                        + " plaintext_bytes, plaintext_sha256, header_bytes, body_bytes, body_sha256, staged_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.transferId());
            ps.setString(2, s.objectKey());
            ps.setLong(3, s.plaintextBytes());
            ps.setString(4, s.plaintextSha256());
            ps.setLong(5, s.headerBytes());
            ps.setLong(6, s.bodyBytes());
            ps.setString(7, s.bodySha256());
            ps.setTimestamp(8, Timestamp.from(s.stagedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the staged payload of " + s.transferId(), e);
        }
    }

    /** The staged payload of a transfer, unless it was purged. */
    public Optional<StagedPayload> find(String transferId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT transfer_id, object_key, plaintext_bytes,"
                        + " plaintext_sha256, header_bytes, body_bytes, body_sha256, staged_at FROM staged_payloads"
                        + " WHERE transfer_id = ? AND purged_at IS NULL")) {
            ps.setString(1, transferId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StagedPayload(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged payload of " + transferId, e);
        }
    }

    /** Marks a transfer's staged payload purged (its object is deleted after the transaction commits). */
    public void markPurged(String transferId, java.time.Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE staged_payloads SET purged_at = ? WHERE transfer_id = ? AND purged_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, transferId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark the payload of " + transferId + " purged", e);
        }
    }
}
