package org.sluice.policy.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.licence.LicenceRepository;
import org.sluice.policy.partner.PartnerRepository;
import org.sluice.policy.partner.PartnerSnapshot;
import org.sluice.policy.screening.ScreeningService;
import org.sluice.policy.world.Dsa;
import org.sluice.policy.world.Licence;
import org.sluice.policy.world.ReferenceData;

/** Gathers everything a decision reads, as it is now. */
@ApplicationScoped
public class InputsAssembler {

    private final PartnerRepository partners;
    private final ReferenceData reference;
    private final LicenceRepository licences;
    private final ScreeningService screening;
    private final PolicyConfig config;

    public InputsAssembler(
            PartnerRepository partners,
            ReferenceData reference,
            LicenceRepository licences,
            ScreeningService screening,
            PolicyConfig config) {
        this.partners = partners;
        this.reference = reference;
        this.licences = licences;
        this.screening = screening;
        this.config = config;
    }

    /**
     * The inputs of a decision.
     *
     * @param lock lock the cited licences until the transaction ends (decisions that may consume quota)
     * @param held quota the transfer's earlier approval holds (licence id to bytes): evaluated as not used
     */
    public DecisionInputs assemble(
            String institutionId, TransferRequest request, Instant at, boolean lock, Map<String, Long> held) {
        String partnerId = request.destination().partnerId();
        PartnerSnapshot partner = partners.find(partnerId).orElse(null);
        List<Licence> cited = licences.find(request.licenceIds(), lock).stream()
                .map(l -> held.containsKey(l.id()) ? l.withUsage(-held.get(l.id()), -1) : l)
                .toList();
        List<Licence> general = licences.general().stream()
                .map(l -> held.containsKey(l.id()) ? l.withUsage(-held.get(l.id()), -1) : l)
                .toList();
        return new DecisionInputs(
                institutionId,
                request,
                at,
                config.homeCountry(),
                partner,
                reference.typicalTransferBytes(institutionId),
                reference.completedTransfers(institutionId, partnerId),
                cited,
                general,
                citedDsa(institutionId, request.dsaId()),
                reference.emergencies(),
                screening.screen(request, partner));
    }

    /**
     * The agreement a request cites, when it is one of the submitting institution's. Another institution's
     * agreement is, for this submitter, one that does not exist: its parties, dates and even its existence
     * never reach the evaluation, its evidence or a precheck answer (the rule then says "not found").
     */
    private Dsa citedDsa(String institutionId, String dsaId) {
        if (dsaId == null) {
            return null;
        }
        return reference
                .dsa(dsaId)
                .filter(d -> d.institution().equals(institutionId))
                .orElse(null);
    }
}
