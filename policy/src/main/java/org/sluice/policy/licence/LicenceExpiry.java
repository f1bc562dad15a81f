package org.sluice.policy.licence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.sluice.events.Principal;
import org.sluice.policy.decision.DecisionService;
import org.sluice.policy.store.Jdbc;

/**
 * Licences end by date as well as by revocation: open approvals that hold quota on a licence past its
 * validity (a provisional licence past its sunset) are decided again. The decision id is derived from
 * the licence and its end date, so running twice re-decides once.
 */
@ApplicationScoped
public class LicenceExpiry {

    private final Jdbc jdbc;
    private final DecisionService decisions;
    private final Clock clock;

    public LicenceExpiry(Jdbc jdbc, DecisionService decisions, Clock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Scheduled(
            every = "${sluice.policy.licence-expiry-check:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        reevaluateExpired();
    }

    /** Re-decides open transfers holding quota on expired licences; returns how many changed. */
    public int reevaluateExpired() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        record Held(String transferId, String licenceId, LocalDate validUntil) {}
        var held = jdbc.query(
                "SELECT q.transfer_id, l.licence_id, l.valid_until FROM quota_charges q"
                        + " JOIN licences l ON l.licence_id = q.licence_id"
                        + " JOIN transfers t ON t.transfer_id = q.transfer_id"
                        + " WHERE l.valid_until < ? AND NOT t.cancelled AND NOT t.fetched AND NOT t.acknowledged",
                rs -> new Held(rs.getString(1), rs.getString(2), Jdbc.date(rs, "valid_until")),
                today);
        int changed = 0;
        for (Held h : held) {
            String trigger = "licence-expired:" + h.licenceId() + ":" + h.validUntil();
            if (QuarkusTransaction.requiringNew()
                    .call(() -> decisions.reevaluate(h.transferId(), trigger, Principal.system("policy")))
                    .isPresent()) {
                changed++;
            }
        }
        return changed;
    }
}
