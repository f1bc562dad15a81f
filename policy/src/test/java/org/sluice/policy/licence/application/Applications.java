package org.sluice.policy.licence.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sluice.events.decision.Evidence;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;

/** Applications and reasons for the pure tests of {@link ApplicationRules}. */
final class Applications {

    static final String INSTITUTION = "i-rivm";
    static final Instant APPLIED = Instant.parse("2027-01-04T09:00:00Z");

    private Applications() {}

    /** A pending application of i-rivm for 2027, 1000 bytes, 10 transfers. */
    static Application pending(RiskLevel risk) {
        return new Application(
                "la-test",
                "LIC-A-000001",
                ApplicationStatus.PENDING,
                INSTITUTION,
                "alice@i-rivm",
                "p-broad",
                "US",
                List.of(risk == RiskLevel.HIGH ? Category.HUMAN_INDIVIDUAL : Category.NON_HUMAN),
                new Purpose("DUO:0000007", null, false, "Variant interpretation"),
                List.of(new EndUser("Jane Doe", "Broad Institute", "US")),
                1000L,
                10L,
                LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-12-31"),
                risk,
                ApplicationRules.requiredVotes(risk),
                APPLIED,
                APPLIED.plusSeconds(864_000),
                APPLIED.plusSeconds(864_000),
                false,
                null,
                null,
                List.of());
    }

    static Reason reason(String code, OverrideClass override) {
        return new Reason(
                code,
                "rule." + code,
                code,
                override == OverrideClass.NONE ? Outcome.DENY : Outcome.REVIEW,
                "citation",
                "explanation",
                "remediation",
                List.of(new Evidence("COUNTRY", "US", "detail")),
                override);
    }
}
