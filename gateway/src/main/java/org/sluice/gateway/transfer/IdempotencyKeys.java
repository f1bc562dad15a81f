package org.sluice.gateway.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sluice.platform.problem.ProblemException;

/** The {@code Idempotency-Key}s each institution used, with the digest of the body they came with. */
@ApplicationScoped
public class IdempotencyKeys {

    /**
     * A key already used.
     *
     * @param requestSha256 hex SHA-256 of the canonical JSON of the body it came with
     * @param transferId the transfer it created
     */
    public record Used(String requestSha256, String transferId) {}

    /** Printable ASCII, as RFC 9110 field values allow, of a sensible length. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private final DataSource dataSource;

    public IdempotencyKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Refuses (400 naming the header) a key that is not 1 to 255 printable ASCII characters. */
    public static void requireWellFormed(String key) {
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(
                    "Idempotency-Key", "pattern", "1 to 255 printable ASCII characters are expected");
        }
    }

    /** What a key was used for, if it was. */
    public Optional<Used> find(String institutionId, String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT request_sha256, transfer_id FROM idempotency_keys"
                        + " WHERE institution_id = ? AND idempotency_key = ?")) {
            ps.setString(1, institutionId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Used(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read idempotency keys", e);
        }
    }

    /** Records a key in the current transaction; false when a concurrent request took it first. */
    public boolean remember(String institutionId, String key, Used use, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_keys (institution_id,"
                        + " idempotency_key, request_sha256, transfer_id, created_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, institutionId);
            ps.setString(2, key);
            ps.setString(3, use.requestSha256());
            ps.setString(4, use.transferId());
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record an idempotency key", e);
        }
    }
}
