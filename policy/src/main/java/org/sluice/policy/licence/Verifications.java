package org.sluice.policy.licence;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sluice.policy.store.Jdbc;

/** Post-shipment verifications owed by approved transfers: opened with the approval, closed by an officer. */
@ApplicationScoped
public class Verifications {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private final Jdbc jdbc;

    public Verifications(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A verification.
     *
     * @param id its id
     * @param transferId the transfer shipped
     * @param decisionId the approval that imposed it
     * @param institutionId the exporting institution
     * @param partnerId the recipient
     * @param reference the licence or emergency that requires it
     * @param description what must be verified
     * @param dueOn the day it is due, if it has a deadline
     * @param status {@code OPEN}, {@code CLOSED} or {@code WITHDRAWN} (the approval was withdrawn)
     * @param closedBy who closed it
     * @param closedAt when
     * @param note the closing note
     */
    public record Verification(
            String id,
            String transferId,
            String decisionId,
            String institutionId,
            String partnerId,
            String reference,
            String description,
            LocalDate dueOn,
            String status,
            String closedBy,
            Instant closedAt,
            String note) {}

    /** Opens a verification for an approval (once per decision and reference). */
    public void open(
            String transferId,
            String decisionId,
            String institutionId,
            String partnerId,
            String reference,
            String description,
            LocalDate dueOn) {
        String id = "psv-" + UUID.nameUUIDFromBytes((decisionId + "/" + reference).getBytes(StandardCharsets.UTF_8));
        jdbc.update(
                "INSERT INTO verifications (verification_id, transfer_id, decision_id, institution_id, partner_id,"
                        + " reference, description, due_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (verification_id) DO NOTHING",
                id,
                transferId,
                decisionId,
                institutionId,
                partnerId,
                reference,
                description,
                dueOn,
                OPEN);
    }

    /** Withdraws the open verifications of a transfer whose approval was withdrawn. */
    public void withdrawOpen(String transferId) {
        jdbc.update(
                "UPDATE verifications SET status = ? WHERE transfer_id = ? AND status = ?",
                WITHDRAWN,
                transferId,
                OPEN);
    }

    /** Verifications with a status (all when null), soonest due first. */
    public List<Verification> list(String status) {
        return jdbc.query(
                "SELECT * FROM verifications WHERE (?::text IS NULL OR status = ?) ORDER BY due_on NULLS LAST, verification_id",
                Verifications::verification,
                status,
                status);
    }

    public Optional<Verification> find(String id) {
        return jdbc.one("SELECT * FROM verifications WHERE verification_id = ?", Verifications::verification, id);
    }

    /** Closes an open verification; false if it is not open. */
    public boolean close(String id, String by, Instant at, String note) {
        return jdbc.update(
                        "UPDATE verifications SET status = ?, closed_by = ?, closed_at = ?, note = ?"
                                + " WHERE verification_id = ? AND status = ?",
                        CLOSED,
                        by,
                        at,
                        note,
                        id,
                        OPEN)
                == 1;
    }

    private static Verification verification(java.sql.ResultSet rs) throws Exception {
        java.sql.Timestamp closed = rs.getTimestamp("closed_at");
        return new Verification(
                rs.getString("verification_id"),
                rs.getString("transfer_id"),
                rs.getString("decision_id"),
                rs.getString("institution_id"),
                rs.getString("partner_id"),
                rs.getString("reference"),
                rs.getString("description"),
                Jdbc.date(rs, "due_on"),
                rs.getString("status"),
                rs.getString("closed_by"),
                closed == null ? null : closed.toInstant(),
                rs.getString("note"));
    }
}
