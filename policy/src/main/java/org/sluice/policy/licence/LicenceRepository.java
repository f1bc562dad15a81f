package org.sluice.policy.licence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.sluice.policy.store.Jdbc;
import org.sluice.policy.world.Licence;

/**
 * Licences and their usage. Quota is consumed by a conditional update that never lets usage pass the
 * quota, and the licences an evaluation reads can be locked first so concurrent approvals serialise.
 */
@ApplicationScoped
public class LicenceRepository {

    private final Jdbc jdbc;

    public LicenceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces a licence (usage included); returns the one it replaced. */
    public Optional<Licence> upsert(Licence l) {
        Optional<Licence> before = find(l.id());
        jdbc.update(
                "INSERT INTO licences (licence_id, type, status, holder, categories, destinations, destination_group,"
                        + " valid_from, valid_until, quota_bytes, quota_transfers, used_bytes, used_transfers,"
                        + " post_shipment_verification, verification_days, end_use, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                        + " ON CONFLICT (licence_id) DO UPDATE SET type = excluded.type, status = excluded.status,"
                        + " holder = excluded.holder, categories = excluded.categories,"
                        + " destinations = excluded.destinations, destination_group = excluded.destination_group,"
                        + " valid_from = excluded.valid_from, valid_until = excluded.valid_until,"
                        + " quota_bytes = excluded.quota_bytes, quota_transfers = excluded.quota_transfers,"
                        + " used_bytes = excluded.used_bytes, used_transfers = excluded.used_transfers,"
                        + " post_shipment_verification = excluded.post_shipment_verification,"
                        + " verification_days = excluded.verification_days, end_use = excluded.end_use,"
                        + " updated_at = now()",
                l.id(),
                l.type(),
                l.status(),
                l.holder(),
                l.categories(),
                l.destinations(),
                l.destinationGroup(),
                l.validFrom(),
                l.validUntil(),
                l.quotaBytes(),
                l.quotaTransfers(),
                l.usedBytes(),
                l.usedTransfers(),
                l.postShipmentVerification(),
                l.verificationDays(),
                l.endUse());
        return before;
    }

    public Optional<Licence> find(String id) {
        return jdbc.one("SELECT * FROM licences WHERE licence_id = ?", LicenceRepository::licence, id);
    }

    /** Every licence, by id. */
    public List<Licence> all() {
        return jdbc.query("SELECT * FROM licences ORDER BY licence_id", LicenceRepository::licence);
    }

    /**
     * The licences with these ids that exist; with {@code lock}, row-locked until the transaction ends
     * (in id order, so two transactions never wait on each other crosswise).
     */
    public List<Licence> find(Collection<String> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT * FROM licences WHERE licence_id = ANY (?) ORDER BY licence_id" + (lock ? " FOR UPDATE" : ""),
                LicenceRepository::licence,
                new TreeSet<>(ids));
    }

    /** Every general licence. */
    public List<Licence> general() {
        return jdbc.query(
                "SELECT * FROM licences WHERE type = ? ORDER BY licence_id",
                LicenceRepository::licence,
                Licence.GENERAL);
    }

    /** Consumes quota; false when it no longer fits (usage unchanged). */
    public boolean charge(String licenceId, long bytes) {
        return jdbc.update(
                        "UPDATE licences SET used_bytes = used_bytes + ?, used_transfers = used_transfers + 1"
                                + " WHERE licence_id = ? AND (quota_bytes IS NULL OR used_bytes + ? <= quota_bytes)"
                                + " AND (quota_transfers IS NULL OR used_transfers + 1 <= quota_transfers)",
                        bytes,
                        licenceId,
                        bytes)
                == 1;
    }

    /** Gives back quota an approval held. */
    public void release(String licenceId, long bytes) {
        jdbc.update(
                "UPDATE licences SET used_bytes = GREATEST(used_bytes - ?, 0),"
                        + " used_transfers = GREATEST(used_transfers - 1, 0) WHERE licence_id = ?",
                bytes,
                licenceId);
    }

    /** Sets a licence's status (e.g. {@code REVOKED}). */
    public boolean setStatus(String licenceId, String status) {
        return jdbc.update("UPDATE licences SET status = ?, updated_at = now() WHERE licence_id = ?", status, licenceId)
                == 1;
    }

    private static Licence licence(ResultSet rs) throws SQLException {
        Long verificationDays = Jdbc.nullableLong(rs, "verification_days");
        return new Licence(
                rs.getString("licence_id"),
                rs.getString("type"),
                rs.getString("status"),
                rs.getString("holder"),
                Jdbc.texts(rs, "categories"),
                Jdbc.texts(rs, "destinations"),
                rs.getString("destination_group"),
                Jdbc.date(rs, "valid_from"),
                Jdbc.date(rs, "valid_until"),
                Jdbc.nullableLong(rs, "quota_bytes"),
                Jdbc.nullableLong(rs, "quota_transfers"),
                rs.getLong("used_bytes"),
                rs.getLong("used_transfers"),
                rs.getBoolean("post_shipment_verification"),
                verificationDays == null ? null : verificationDays.intValue(),
                rs.getString("end_use"));
    }
}
