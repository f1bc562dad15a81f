package org.sluice.policy.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.sluice.events.partner.PartnerKey;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.policy.store.Jdbc;

/** The partner read model kept from {@code PartnerUpdated}. */
@ApplicationScoped
public class PartnerRepository {

    private final Jdbc jdbc;

    public PartnerRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the partner's latest state; returns the state it replaced, if any. */
    public Optional<PartnerSnapshot> upsert(PartnerUpdated p) {
        Optional<PartnerSnapshot> before = find(p.partnerId());
        LocalDate keyValidUntil = p.keys().stream()
                .map(PartnerKey::validUntil)
                .max(Comparator.naturalOrder())
                .orElse(null);
        jdbc.update(
                "INSERT INTO partners (partner_id, institution, country, status, profit_status, adequacy_covered,"
                        + " key_valid_until, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())"
                        + " ON CONFLICT (partner_id) DO UPDATE SET institution = excluded.institution,"
                        + " country = excluded.country, status = excluded.status,"
                        + " profit_status = excluded.profit_status, adequacy_covered = excluded.adequacy_covered,"
                        + " key_valid_until = excluded.key_valid_until, updated_at = now()",
                p.partnerId(),
                p.institution(),
                p.country(),
                p.status().name(),
                p.profitStatus().name(),
                p.adequacyCovered(),
                keyValidUntil);
        return before;
    }

    public Optional<PartnerSnapshot> find(String partnerId) {
        return jdbc.one(
                "SELECT * FROM partners WHERE partner_id = ?",
                rs -> new PartnerSnapshot(
                        rs.getString("partner_id"),
                        rs.getString("institution"),
                        rs.getString("country"),
                        rs.getString("status"),
                        rs.getString("profit_status"),
                        rs.getBoolean("adequacy_covered"),
                        Jdbc.date(rs, "key_valid_until")),
                partnerId);
    }
}
