package org.sluice.policy.licence.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sluice.events.json.Json;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;
import org.sluice.policy.store.Jdbc;

/** Licence applications and their votes. */
@ApplicationScoped
public class ApplicationRepository {

    private static final TypeReference<List<EndUser>> END_USERS = new TypeReference<>() {};

    private final Jdbc jdbc;

    public ApplicationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number for a licence id. Ids {@code LIC-A-<n>} come from a sequence only applications
     * draw from; the caller skips one an administrator happened to register.
     */
    public long nextNumber() {
        return jdbc.one("SELECT nextval('licence_application_numbers')", rs -> rs.getLong(1))
                .orElseThrow();
    }

    /** Stores a new application; false when the institution used the idempotency key already. */
    public boolean insert(Application a, String idempotencyKey, String requestSha256) {
        return jdbc.update(
                        "INSERT INTO licence_applications (application_id, licence_id, status, institution_id, applied_by,"
                                + " partner_id, destination_country, categories, purpose, end_users, quota_bytes,"
                                + " quota_transfers, valid_from, valid_until, risk, required_votes, applied_at,"
                                + " first_expected_by, expected_by, escalated, idempotency_key, request_sha256)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                + " FALSE, ?, ?) ON CONFLICT (institution_id, idempotency_key) DO NOTHING",
                        a.applicationId(),
                        a.licenceId(),
                        a.status().name(),
                        a.institutionId(),
                        a.appliedBy(),
                        a.partnerId(),
                        a.destinationCountry(),
                        a.categories().stream().map(Category::name).toList(),
                        json(a.purpose()),
                        json(a.endUsers()),
                        a.quotaBytes(),
                        a.quotaTransfers(),
                        a.validFrom(),
                        a.validUntil(),
                        a.risk().name(),
                        a.requiredVotes(),
                        a.appliedAt(),
                        a.firstExpectedBy(),
                        a.expectedBy(),
                        idempotencyKey,
                        requestSha256)
                == 1;
    }

    /**
     * An earlier application of the institution under this idempotency key.
     *
     * @param application the application
     * @param requestSha256 the digest of the body it was made with
     */
    public record Keyed(Application application, String requestSha256) {}

    public Optional<Keyed> byIdempotencyKey(String institutionId, String key) {
        return jdbc.one(
                "SELECT * FROM licence_applications WHERE institution_id = ? AND idempotency_key = ?",
                rs -> new Keyed(application(rs), rs.getString("request_sha256")),
                institutionId,
                key);
    }

    public Optional<Application> find(String applicationId) {
        return jdbc.one(
                "SELECT * FROM licence_applications WHERE application_id = ?",
                ApplicationRepository::application,
                applicationId);
    }

    /** Locks the application's row until the transaction ends (votes on one application never interleave). */
    public Optional<Application> lock(String applicationId) {
        return jdbc.one(
                "SELECT * FROM licence_applications WHERE application_id = ? FOR UPDATE",
                ApplicationRepository::application,
                applicationId);
    }

    /** An institution's applications, newest first. */
    public List<Application> ofInstitution(String institutionId, ApplicationStatus status, int offset, int limit) {
        return jdbc.query(
                "SELECT * FROM licence_applications WHERE institution_id = ? AND (?::text IS NULL OR status = ?)"
                        + " ORDER BY applied_at DESC, application_id OFFSET ? LIMIT ?",
                ApplicationRepository::application,
                institutionId,
                status == null ? null : status.name(),
                status == null ? null : status.name(),
                offset,
                limit);
    }

    /** The office's queue: pending applications by expected date, then the rest, newest decision first. */
    public List<Application> queue(ApplicationStatus status, int offset, int limit) {
        return jdbc.query(
                "SELECT * FROM licence_applications WHERE (?::text IS NULL OR status = ?)"
                        + " ORDER BY (status <> 'PENDING'), CASE WHEN status = 'PENDING' THEN expected_by END,"
                        + " decided_at DESC, application_id OFFSET ? LIMIT ?",
                ApplicationRepository::application,
                status == null ? null : status.name(),
                status == null ? null : status.name(),
                offset,
                limit);
    }

    /** Pending applications whose expected date has passed without escalation. */
    public List<String> overdue(Instant now) {
        return jdbc.query(
                "SELECT application_id FROM licence_applications WHERE status = 'PENDING' AND NOT escalated"
                        + " AND expected_by <= ? ORDER BY expected_by",
                rs -> rs.getString(1),
                now);
    }

    public void escalate(String applicationId, Instant newExpectedBy) {
        jdbc.update(
                "UPDATE licence_applications SET escalated = TRUE, expected_by = ? WHERE application_id = ?",
                newExpectedBy,
                applicationId);
    }

    /** Records how the application ended. */
    public void settle(Application a) {
        jdbc.update(
                "UPDATE licence_applications SET status = ?, decided_at = ?, terms = ?::jsonb, reasons = ?"
                        + " WHERE application_id = ?",
                a.status().name(),
                a.decidedAt(),
                a.terms() == null ? null : json(a.terms()),
                a.reasons(),
                a.applicationId());
    }

    public void insertVote(String applicationId, String institution, OfficerVote v) {
        jdbc.update(
                "INSERT INTO licence_application_votes (application_id, officer, institution, senior, vote,"
                        + " justification, terms, cast_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)",
                applicationId,
                v.officer(),
                institution,
                v.senior(),
                v.vote().name(),
                v.justification(),
                v.terms() == null ? null : json(v.terms()),
                v.castAt());
    }

    /** The votes in the order they were cast. */
    public List<OfficerVote> votes(String applicationId) {
        return jdbc.query(
                "SELECT * FROM licence_application_votes WHERE application_id = ? ORDER BY cast_at, officer",
                rs -> new OfficerVote(
                        rs.getString("officer"),
                        rs.getBoolean("senior"),
                        Vote.valueOf(rs.getString("vote")),
                        rs.getString("justification"),
                        rs.getString("terms") == null
                                ? null
                                : Json.mapper().readValue(rs.getString("terms"), LicenceTerms.class),
                        rs.getTimestamp("cast_at").toInstant()),
                applicationId);
    }

    /** Whether a licence with this id exists (an id drawn for an application must not collide). */
    public boolean licenceExists(String licenceId) {
        return jdbc.one("SELECT 1 FROM licences WHERE licence_id = ?", rs -> 1, licenceId)
                        .isPresent()
                || jdbc.one("SELECT 1 FROM licence_applications WHERE licence_id = ?", rs -> 1, licenceId)
                        .isPresent();
    }

    /**
     * The institution's open transfers that cite the licence and whose decision in force is not an
     * approval, in the order they arrived.
     */
    public List<String> waitingTransfers(String institutionId, String licenceId) {
        return jdbc.query(
                "SELECT t.transfer_id FROM transfers t LEFT JOIN decisions d ON d.decision_id = t.latest_decision"
                        + " WHERE t.institution_id = ? AND NOT t.cancelled AND NOT t.fetched AND NOT t.acknowledged"
                        + " AND t.request -> 'licenceIds' @> jsonb_build_array(?::text)"
                        + " AND (d.outcome IS NULL OR d.outcome <> 'APPROVE') ORDER BY t.received_at, t.transfer_id",
                rs -> rs.getString(1),
                institutionId,
                licenceId);
    }

    private static Application application(ResultSet rs) throws Exception {
        return new Application(
                rs.getString("application_id"),
                rs.getString("licence_id"),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("institution_id"),
                rs.getString("applied_by"),
                rs.getString("partner_id"),
                rs.getString("destination_country"),
                Jdbc.texts(rs, "categories").stream().map(Category::valueOf).toList(),
                Json.mapper().readValue(rs.getString("purpose"), Purpose.class),
                Json.mapper().readValue(rs.getString("end_users"), END_USERS),
                Jdbc.nullableLong(rs, "quota_bytes"),
                Jdbc.nullableLong(rs, "quota_transfers"),
                Jdbc.date(rs, "valid_from"),
                Jdbc.date(rs, "valid_until"),
                RiskLevel.valueOf(rs.getString("risk")),
                rs.getInt("required_votes"),
                instant(rs, "applied_at"),
                instant(rs, "first_expected_by"),
                instant(rs, "expected_by"),
                rs.getBoolean("escalated"),
                instant(rs, "decided_at"),
                rs.getString("terms") == null
                        ? null
                        : Json.mapper().readValue(rs.getString("terms"), LicenceTerms.class),
                Jdbc.texts(rs, "reasons"));
    }

    private static Instant instant(ResultSet rs, String column) throws Exception {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
