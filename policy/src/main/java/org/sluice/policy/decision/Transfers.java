package org.sluice.policy.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.sluice.events.json.Json;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.store.Jdbc;

/** The transfers policy has decided, with how far they got (cancelled, fetched, acknowledged). */
@ApplicationScoped
public class Transfers {

    private final Jdbc jdbc;

    public Transfers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A transfer as policy knows it.
     *
     * @param transferId the transfer
     * @param institutionId the submitting institution
     * @param partnerId the destination partner
     * @param request the request
     * @param requestEventId the id of the {@code TransferRequested} event
     * @param cancelled withdrawn by the submitter
     * @param fetched the partner has fetched its package (no longer re-evaluated)
     * @param acknowledged the partner acknowledged it
     * @param latestDecision the decision in force
     * @param submittedBy the principal who submitted it, null when unknown
     */
    public record Transfer(
            String transferId,
            String institutionId,
            String partnerId,
            TransferRequest request,
            String requestEventId,
            boolean cancelled,
            boolean fetched,
            boolean acknowledged,
            String latestDecision,
            String submittedBy) {

        /** Whether a change of policy inputs may still change its decision. */
        public boolean open() {
            return !cancelled && !fetched && !acknowledged;
        }
    }

    /** Records a new transfer; false if it was known already. */
    public boolean insert(
            String transferId,
            String institutionId,
            TransferRequest request,
            String eventId,
            Instant at,
            String submittedBy) {
        try {
            return jdbc.update(
                            "INSERT INTO transfers (transfer_id, institution_id, partner_id, request, request_event_id,"
                                    + " received_at, submitted_by) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)"
                                    + " ON CONFLICT (transfer_id) DO NOTHING",
                            transferId,
                            institutionId,
                            request.destination().partnerId(),
                            Json.mapper().writeValueAsString(request),
                            eventId,
                            at,
                            submittedBy)
                    == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Transfer> find(String transferId) {
        return jdbc.one("SELECT * FROM transfers WHERE transfer_id = ?", Transfers::transfer, transferId);
    }

    /** Locks the transfer's row until the transaction ends (decisions on one transfer never interleave). */
    public Optional<Transfer> lock(String transferId) {
        return jdbc.one("SELECT * FROM transfers WHERE transfer_id = ? FOR UPDATE", Transfers::transfer, transferId);
    }

    /**
     * Row-locks these transfers until the transaction ends, in id order. A transaction that re-decides
     * several transfers takes all their rows first: otherwise it would hold one transfer's licences
     * while waiting for the next transfer's row, which a vote on that transfer holds while it waits for
     * the same licences (a deadlock the vote would lose with a 500).
     */
    public void lockAll(Collection<String> transferIds) {
        if (!transferIds.isEmpty()) {
            jdbc.query(
                    "SELECT transfer_id FROM transfers WHERE transfer_id = ANY (?) ORDER BY transfer_id FOR UPDATE",
                    rs -> rs.getString(1),
                    new TreeSet<>(transferIds));
        }
    }

    /** Transfers whose decision may still change: not cancelled, fetched or acknowledged. */
    public List<String> open() {
        return jdbc.query(
                "SELECT transfer_id FROM transfers WHERE NOT cancelled AND NOT fetched AND NOT acknowledged"
                        + " AND latest_decision IS NOT NULL ORDER BY received_at",
                rs -> rs.getString(1));
    }

    /** Open transfers to one partner. */
    public List<String> openTo(String partnerId) {
        return jdbc.query(
                "SELECT transfer_id FROM transfers WHERE partner_id = ? AND NOT cancelled AND NOT fetched"
                        + " AND NOT acknowledged AND latest_decision IS NOT NULL ORDER BY received_at",
                rs -> rs.getString(1),
                partnerId);
    }

    public void setLatestDecision(String transferId, String decisionId) {
        jdbc.update("UPDATE transfers SET latest_decision = ? WHERE transfer_id = ?", decisionId, transferId);
    }

    public void markCancelled(String transferId) {
        jdbc.update("UPDATE transfers SET cancelled = TRUE WHERE transfer_id = ?", transferId);
    }

    public void markFetched(String transferId) {
        jdbc.update("UPDATE transfers SET fetched = TRUE WHERE transfer_id = ?", transferId);
    }

    /** Marks it acknowledged; true the first time. */
    public boolean markAcknowledged(String transferId) {
        return jdbc.update(
                        "UPDATE transfers SET acknowledged = TRUE, fetched = TRUE WHERE transfer_id = ? AND NOT acknowledged",
                        transferId)
                == 1;
    }

    private static Transfer transfer(java.sql.ResultSet rs) throws Exception {
        return new Transfer(
                rs.getString("transfer_id"),
                rs.getString("institution_id"),
                rs.getString("partner_id"),
                Json.mapper().readValue(rs.getString("request"), TransferRequest.class),
                rs.getString("request_event_id"),
                rs.getBoolean("cancelled"),
                rs.getBoolean("fetched"),
                rs.getBoolean("acknowledged"),
                rs.getString("latest_decision"),
                rs.getString("submitted_by"));
    }
}
