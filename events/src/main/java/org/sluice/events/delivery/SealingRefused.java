package org.sluice.events.delivery;

import java.util.List;
import org.sluice.events.EventData;

/**
 * The gateway refused to seal for an approval it may not act on (defence in depth behind policy): a
 * hard-stop reason stands against it, or it had fewer deciders than it needed. Nothing was sealed.
 *
 * @param transferId the transfer
 * @param partnerId the addressee
 * @param decisionId the approval refused
 * @param codes the hard-stop reason codes found on it (empty when the deciders fell short)
 * @param reason a short human reason
 */
public record SealingRefused(String transferId, String partnerId, String decisionId, List<String> codes, String reason)
        implements EventData {
    public SealingRefused {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    @Override
    public String subject() {
        return transferId;
    }
}
