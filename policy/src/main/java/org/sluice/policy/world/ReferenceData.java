package org.sluice.policy.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.sluice.events.json.Json;
import org.sluice.policy.store.Jdbc;

/** Institutions, their transfer history, data-sharing agreements and emergencies, as the rules read them. */
@ApplicationScoped
public class ReferenceData {

    private final Jdbc jdbc;

    public ReferenceData(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Upserts an institution and sets its per-partner history to the given counts. */
    public void upsert(Institution i) {
        jdbc.update(
                "INSERT INTO institutions (institution_id, name, legal_name, country, typical_transfer_bytes)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (institution_id) DO UPDATE SET name = excluded.name,"
                        + " legal_name = excluded.legal_name, country = excluded.country,"
                        + " typical_transfer_bytes = excluded.typical_transfer_bytes",
                i.id(),
                i.name(),
                i.legalName(),
                i.country(),
                i.typicalTransferBytes());
        i.completedTransfers()
                .forEach((partner, count) -> jdbc.update(
                        "INSERT INTO transfer_history (institution_id, partner_id, completed) VALUES (?, ?, ?)"
                                + " ON CONFLICT (institution_id, partner_id) DO UPDATE SET completed = excluded.completed",
                        i.id(),
                        partner,
                        count));
    }

    public void upsert(Dsa d) {
        jdbc.update(
                "INSERT INTO dsas (dsa_id, partner_id, institution_id, status, categories, valid_from, valid_until, title)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dsa_id) DO UPDATE SET"
                        + " partner_id = excluded.partner_id, institution_id = excluded.institution_id,"
                        + " status = excluded.status, categories = excluded.categories,"
                        + " valid_from = excluded.valid_from, valid_until = excluded.valid_until, title = excluded.title",
                d.id(),
                d.partner(),
                d.institution(),
                d.status(),
                d.categories(),
                d.validFrom(),
                d.validUntil(),
                d.title());
    }

    public void upsert(Emergency e) {
        jdbc.update(
                "INSERT INTO emergencies (emergency_id, document) VALUES (?, ?::jsonb)"
                        + " ON CONFLICT (emergency_id) DO UPDATE SET document = excluded.document",
                e.id(),
                json(e));
    }

    /** The institution's usual transfer size, 0 when it is not registered. */
    public long typicalTransferBytes(String institutionId) {
        return jdbc.one(
                        "SELECT typical_transfer_bytes FROM institutions WHERE institution_id = ?",
                        rs -> rs.getLong(1),
                        institutionId)
                .orElse(0L);
    }

    /** Completed transfers from an institution to a partner. */
    public long completedTransfers(String institutionId, String partnerId) {
        return jdbc.one(
                        "SELECT completed FROM transfer_history WHERE institution_id = ? AND partner_id = ?",
                        rs -> rs.getLong(1),
                        institutionId,
                        partnerId)
                .orElse(0L);
    }

    /** Counts one more completed transfer. */
    public void countCompletedTransfer(String institutionId, String partnerId) {
        jdbc.update(
                "INSERT INTO transfer_history (institution_id, partner_id, completed) VALUES (?, ?, 1)"
                        + " ON CONFLICT (institution_id, partner_id) DO UPDATE SET completed = transfer_history.completed + 1",
                institutionId,
                partnerId);
    }

    public Optional<Dsa> dsa(String dsaId) {
        return jdbc.one(
                "SELECT * FROM dsas WHERE dsa_id = ?",
                rs -> new Dsa(
                        rs.getString("dsa_id"),
                        rs.getString("partner_id"),
                        rs.getString("institution_id"),
                        rs.getString("status"),
                        Jdbc.texts(rs, "categories"),
                        Jdbc.date(rs, "valid_from"),
                        Jdbc.date(rs, "valid_until"),
                        rs.getString("title")),
                dsaId);
    }

    public List<Emergency> emergencies() {
        return jdbc.query(
                "SELECT document FROM emergencies ORDER BY emergency_id",
                rs -> Json.mapper().readValue(rs.getString(1), Emergency.class));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
