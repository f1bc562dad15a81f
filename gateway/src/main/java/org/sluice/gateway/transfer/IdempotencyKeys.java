package org.sluice.gateway.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sluice.platform.input.Text;
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
    /** The request header that carries a key. */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private final DataSource dataSource;

    public IdempotencyKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The request's {@code Idempotency-Key}, empty when it sent none; 400 naming the header when it sent one
     * that is empty or blank (the JAX-RS header parameter would read that as no header), several, or one that
     * is not 1 to 255 printable ASCII characters.
     */
    public static Optional<String> from(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HEADER);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ProblemException.invalidField(
                    HEADER, "maxItems", "one key per request; this one has " + values.size());
        }
        String key = values.get(0) == null ? "" : values.get(0);
        requireWellFormed(key);
        return Optional.of(key);
    }

    /** Refuses (400 naming the header) a key that is not 1 to 255 printable ASCII characters. */
    public static void requireWellFormed(String key) {
        if (key.isBlank()) {
            throw ProblemException.invalidField(
                    HEADER,
                    Text.NOT_BLANK,
                    "an empty key is no key: send 1 to 255 printable ASCII characters, or no" + " header");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "pattern", "1 to 255 printable ASCII characters are expected");
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
