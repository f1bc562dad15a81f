package org.sluice.gateway.sealing;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sluice.events.delivery.PackageFormat;

/** Sealed packages: their metadata, header and signed manifest. */
@ApplicationScoped
public class PackageRepository {

    private static final String COLUMNS = "package_id, transfer_id, partner_id, decision_id, status, format,"
            + " recipient_key_id, plaintext_bytes, plaintext_sha256, header_bytes, header_sha256, body_object,"
            + " body_offset, body_bytes, body_sha256, manifest_sha256, signing_key_id, sealed_at, expires_at";

    private final DataSource dataSource;

    public PackageRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a package with its header and signed manifest. */
    public void insert(PackageRecord p, byte[] header, String signedManifest) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO packages (" + COLUMNS + ", header, manifest)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setString(i++, p.packageId());
            ps.setString(i++, p.transferId());
            ps.setString(i++, p.partnerId());
            ps.setString(i++, p.decisionId());
            ps.setString(i++, p.status().name());
            ps.setString(i++, p.format().name());
            ps.setString(i++, p.recipientKeyId());
            ps.setLong(i++, p.plaintextBytes());
            ps.setString(i++, p.plaintextSha256());
            ps.setLong(i++, p.headerBytes());
            ps.setString(i++, p.headerSha256());
            ps.setString(i++, p.bodyObject());
            ps.setLong(i++, p.bodyOffset());
            ps.setLong(i++, p.bodyBytes());
            ps.setString(i++, p.bodySha256());
            ps.setString(i++, p.manifestSha256());
            ps.setString(i++, p.signingKeyId());
            ps.setTimestamp(i++, Timestamp.from(p.sealedAt()));
            ps.setTimestamp(i++, Timestamp.from(p.expiresAt()));
            ps.setBytes(i++, header);
            ps.setString(i, signedManifest);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store package " + p.packageId(), e);
        }
    }

    /** A package by id. */
    public Optional<PackageRecord> find(String packageId) {
        return one("SELECT " + COLUMNS + " FROM packages WHERE package_id = ?", packageId);
    }

    /** The latest package of a transfer. */
    public Optional<PackageRecord> ofTransfer(String transferId) {
        return one(
                "SELECT " + COLUMNS + " FROM packages WHERE transfer_id = ? ORDER BY sealed_at DESC LIMIT 1",
                transferId);
    }

    /** Available packages whose expiry has passed, oldest first, at most {@code limit}. */
    public List<PackageRecord> dueToExpire(java.time.Instant now, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM packages"
                        + " WHERE status = 'AVAILABLE' AND expires_at <= ? ORDER BY expires_at LIMIT ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
            List<PackageRecord> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(read(rs));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find packages due to expire", e);
        }
    }

    /** The packages addressed to a partner, newest first. */
    public List<PackageRecord> addressedTo(String partnerId) {
        return many("SELECT " + COLUMNS + " FROM packages WHERE partner_id = ? ORDER BY sealed_at DESC", partnerId);
    }

    /** The header of a package (empty once purged). */
    public byte[] header(String packageId) {
        return column("header", packageId, ResultSet::getBytes);
    }

    /** The signed manifest JSON of a package. */
    public String manifest(String packageId) {
        return column("manifest", packageId, ResultSet::getString);
    }

    /** Ends a package's life: the new status, and its header dropped (the body goes with the staged payload). */
    public void retire(String packageId, PackageStatus status) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE packages SET status = ?, header = NULL WHERE package_id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, packageId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update package " + packageId, e);
        }
    }

    private interface ColumnReader<T> {
        T read(ResultSet rs, int column) throws SQLException;
    }

    private <T> T column(String column, String packageId, ColumnReader<T> reader) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM packages WHERE package_id = ?")) {
            ps.setString(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no package " + packageId);
                }
                return reader.read(rs, 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the " + column + " of " + packageId, e);
        }
    }

    private Optional<PackageRecord> one(String sql, String id) {
        List<PackageRecord> found = many(sql, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<PackageRecord> many(String sql, String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            List<PackageRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read packages of " + id, e);
        }
    }

    private static PackageRecord read(ResultSet rs) throws SQLException {
        return new PackageRecord(
                rs.getString("package_id"),
                rs.getString("transfer_id"),
                rs.getString("partner_id"),
                rs.getString("decision_id"),
                PackageStatus.valueOf(rs.getString("status")),
                PackageFormat.valueOf(rs.getString("format")),
                rs.getString("recipient_key_id"),
                rs.getLong("plaintext_bytes"),
                rs.getString("plaintext_sha256"),
                rs.getLong("header_bytes"),
                rs.getString("header_sha256"),
                rs.getString("body_object"),
                rs.getLong("body_offset"),
                rs.getLong("body_bytes"),
                rs.getString("body_sha256"),
                rs.getString("manifest_sha256"),
                rs.getString("signing_key_id"),
                rs.getTimestamp("sealed_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
