package org.sluice.audit.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;

/**
 * What the integrity rules read of a logged {@code TransferDecided}'s data, leniently: a field an older
 * event lacks reads as absent, and a reason with no (or an unknown) override class reads as a hard stop,
 * as {@link OverrideClass#strongest} has it (unknown authority is no authority).
 *
 * @param decisionId the decision
 * @param outcome its outcome
 * @param source ENGINE, REVIEW, APPEAL or REEVALUATION
 * @param reviewId the case it names, if any
 * @param supersedes the decision it replaces, if any
 * @param hardStops the reasons no one may approve against, as {@code code (ruleId)}
 * @param hardStopCodes their codes
 * @param deciders distinct approving people it names
 * @param requiredDeciders how many it says it needed (0 when it does not say)
 */
record DecisionFacts(
        String decisionId,
        String outcome,
        String source,
        String reviewId,
        String supersedes,
        List<String> hardStops,
        List<String> hardStopCodes,
        int deciders,
        int requiredDeciders) {

    static DecisionFacts of(JsonNode data) {
        List<String> hardStops = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode r : data.path("reasons")) {
            Reason reason = new Reason(
                    r.path("code").asText(),
                    r.path("ruleId").asText(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    overrideClass(r.path("override")));
            if (reason.hardStop()) {
                hardStops.add(reason.code() + " (" + reason.ruleId() + ")");
                codes.add(reason.code());
            }
        }
        Set<String> deciders = new LinkedHashSet<>();
        for (JsonNode d : data.path("deciders")) {
            if (!d.asText().isBlank()) {
                deciders.add(d.asText());
            }
        }
        return new DecisionFacts(
                data.path("decisionId").asText(),
                data.path("outcome").asText(),
                data.path("source").asText(),
                text(data.path("reviewId")),
                text(data.path("supersedes")),
                hardStops,
                List.copyOf(codes),
                deciders.size(),
                data.path("requiredDeciders").asInt(0));
    }

    /** Whether it approves (with or without conditions). */
    boolean approval() {
        return "APPROVE".equals(outcome) || "APPROVE_WITH_CONDITIONS".equals(outcome);
    }

    private static OverrideClass overrideClass(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OverrideClass.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
