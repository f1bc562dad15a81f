package org.sluice.policy.licence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sluice.policy.store.Jdbc;

/**
 * Which approval holds how much of which licence's quota. Charged in the transaction that approves, given
 * back in the one that withdraws the approval, so usage always equals what approved transfers hold.
 */
@ApplicationScoped
public class QuotaLedger {

    private final Jdbc jdbc;
    private final LicenceRepository licences;

    public QuotaLedger(Jdbc jdbc, LicenceRepository licences) {
        this.jdbc = jdbc;
        this.licences = licences;
    }

    /** Quota a transfer's approval holds: licence id to bytes. */
    public Map<String, Long> held(String transferId) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query(
                        "SELECT licence_id, bytes FROM quota_charges WHERE transfer_id = ? ORDER BY licence_id",
                        rs -> Map.entry(rs.getString(1), rs.getLong(2)),
                        transferId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Consumes quota for a transfer; false when it does not fit (nothing changed). */
    public boolean charge(String transferId, String licenceId, long bytes, String decisionId) {
        if (!licences.charge(licenceId, bytes)) {
            return false;
        }
        jdbc.update(
                "INSERT INTO quota_charges (transfer_id, licence_id, bytes, decision_id) VALUES (?, ?, ?, ?)",
                transferId,
                licenceId,
                bytes,
                decisionId);
        return true;
    }

    /** Gives back what a transfer holds on one licence. */
    public void release(String transferId, String licenceId) {
        Long bytes = held(transferId).get(licenceId);
        if (bytes != null) {
            licences.release(licenceId, bytes);
            jdbc.update("DELETE FROM quota_charges WHERE transfer_id = ? AND licence_id = ?", transferId, licenceId);
        }
    }
}
