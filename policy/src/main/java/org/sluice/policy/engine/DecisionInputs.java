package org.sluice.policy.engine;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.partner.PartnerSnapshot;
import org.sluice.policy.screening.ScreeningHit;
import org.sluice.policy.world.Dsa;
import org.sluice.policy.world.Emergency;
import org.sluice.policy.world.Licence;

/**
 * Everything one decision reads, recorded with it so it can be replayed under the same bundle.
 *
 * @param institutionId the submitting institution
 * @param request the request as submitted
 * @param evaluatedAt the moment of evaluation (rules see its UTC date)
 * @param home the home jurisdiction at the time
 * @param partner the destination partner, null when unknown
 * @param typicalTransferBytes the institution's usual transfer size, 0 when unknown
 * @param completedTransfersToPartner transfers this institution completed to this partner
 * @param citedLicences the cited licences that exist, as they were (usage included)
 * @param generalLicences every general licence, as they were
 * @param dsa the cited data-sharing agreement, null when none or unknown
 * @param emergencies every declared emergency
 * @param screening screening hits on the partner and the end users (adjudicated ones removed)
 */
public record DecisionInputs(
        String institutionId,
        TransferRequest request,
        Instant evaluatedAt,
        String home,
        @Nullable PartnerSnapshot partner,
        long typicalTransferBytes,
        long completedTransfersToPartner,
        List<Licence> citedLicences,
        List<Licence> generalLicences,
        @Nullable Dsa dsa,
        List<Emergency> emergencies,
        List<ScreeningHit> screening) {
    public DecisionInputs {
        citedLicences = citedLicences == null ? List.of() : List.copyOf(citedLicences);
        generalLicences = generalLicences == null ? List.of() : List.copyOf(generalLicences);
        emergencies = emergencies == null ? List.of() : List.copyOf(emergencies);
        screening = screening == null ? List.of() : List.copyOf(screening);
    }
}
