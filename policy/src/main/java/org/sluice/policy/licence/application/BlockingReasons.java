package org.sluice.policy.licence.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sluice.events.decision.Reason;
import org.sluice.events.transfer.Basis;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.Consent;
import org.sluice.events.transfer.Dataset;
import org.sluice.events.transfer.Destination;
import org.sluice.events.transfer.PayloadDeclaration;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.bundle.BundleService;
import org.sluice.policy.decision.InputsAssembler;
import org.sluice.policy.engine.CompiledBundle;

/**
 * The hard stops that stand against an application today: the active bundle evaluates, with the same
 * inputs as a real decision (partner registry, denied-party screening of the partner and every end user,
 * embargoes), the transfer the licence would allow, once per category applied for, and
 * {@link ApplicationRules#blocking} keeps the reasons no one may override.
 */
@ApplicationScoped
public class BlockingReasons {

    /**
     * The cohort size the evaluated transfers declare: a licence does not bound how many people's data
     * a transfer under it carries, so the application is judged as covering bulk data too.
     */
    static final long ASSUMED_SUBJECTS = 1_000_000L;

    /** Stands in for the partner when the application names none (then PARTNER_UNKNOWN is not a reason). */
    static final String NO_PARTNER = "unnamed-partner";

    private final InputsAssembler assembler;
    private final BundleService bundles;
    private final Clock clock;

    public BlockingReasons(InputsAssembler assembler, BundleService bundles, Clock clock) {
        this.assembler = assembler;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** The blocking reasons for the application, evaluated now. */
    public List<Reason> of(Application a) {
        CompiledBundle bundle = bundles.active();
        Instant now = clock.instant();
        List<Reason> reasons = new ArrayList<>();
        for (Category category : a.categories()) {
            TransferRequest request = request(a, category);
            reasons.addAll(bundle.evaluate(assembler.assemble(a.institutionId(), request, now, false, Map.of()))
                    .reasons());
        }
        return ApplicationRules.blocking(reasons, a.partnerId() != null);
    }

    /** The transfer a licence granted on the application would allow, for one of its categories. */
    static TransferRequest request(Application a, Category category) {
        return new TransferRequest(
                new Dataset(
                        "licence-application:" + a.applicationId(),
                        "Licence application " + a.applicationId(),
                        category,
                        ASSUMED_SUBJECTS,
                        "any",
                        new Consent(List.of(a.purpose().duo()), List.of(), List.of())),
                a.purpose(),
                new Destination(a.partnerId() == null ? NO_PARTNER : a.partnerId(), a.destinationCountry()),
                a.endUsers(),
                List.of(a.licenceId()),
                null,
                null,
                Basis.STANDARD,
                new PayloadDeclaration(0, "0".repeat(64)));
    }
}
