package org.sluice.gateway.sealing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;

/**
 * Defence in depth behind policy: the gateway acts only on approvals that are {@link
 * TransferDecided#sealable() sealable}. An approval a hard-stop reason stands against (a reason of class
 * NONE, or of no class at all), or one made by fewer distinct people than it needed, is refused here
 * whatever policy said.
 */
public final class SealingGuard {

    /** Why a hard stop stands against the approval. */
    public static final String HARD_STOP = "hard-stop";
    /** Why the approval had fewer distinct deciders than it needed. */
    public static final String TOO_FEW_DECIDERS = "too-few-deciders";

    private SealingGuard() {}

    /**
     * Why an approval may not be sealed.
     *
     * @param causes {@link #HARD_STOP} and/or {@link #TOO_FEW_DECIDERS}
     * @param codes the hard-stop reason codes (empty when only the deciders fell short)
     * @param deciders distinct approving people the decision names
     * @param requiredDeciders how many it needed (null when the decision does not say)
     * @param reason one line for a human
     */
    public record Refusal(
            List<String> causes, List<String> codes, int deciders, Integer requiredDeciders, String reason) {
        public Refusal {
            causes = List.copyOf(causes);
            codes = List.copyOf(codes);
        }

        /** The causes as one low-cardinality metric tag value, e.g. {@code hard-stop+too-few-deciders}. */
        public String cause() {
            return String.join("+", causes);
        }
    }

    /** The refusal of a decision the gateway must not seal for; empty for denials, reviews and sealable approvals. */
    public static Optional<Refusal> check(TransferDecided decision) {
        if (!decision.outcome().isApproval() || decision.sealable()) {
            return Optional.empty();
        }
        List<String> codes =
                decision.hardStops().stream().map(Reason::code).distinct().toList();
        int deciders = (int) decision.deciders().stream().distinct().count();
        Integer required = decision.requiredDeciders();
        List<String> causes = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (!codes.isEmpty()) {
            causes.add(HARD_STOP);
            why.add("no one may approve against " + String.join(", ", codes));
        }
        if (required != null && deciders < required) {
            causes.add(TOO_FEW_DECIDERS);
            why.add(deciders + " distinct decider(s) approved, " + required + " were required");
        }
        return Optional.of(new Refusal(causes, codes, deciders, required, String.join("; ", why)));
    }
}
