package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.Category;
import org.sluice.testsupport.KafkaTestClient;

/**
 * The two ways people once approved what the rules forbid, tried again end to end through HTTP and the
 * real broker, and the defence behind them: an appeal cannot out-vote an embargo, a lone reviewer cannot
 * settle a four-eyes case through a screening adjudication, and an approval that slips past policy anyway
 * (forged on the broker) is refused by the gateway, sealed never, and raises the audit consumer's alerts.
 */
@ExtendWith(StackExtension.class)
class DecisionIntegrityIT {

    private static final String SCREENED = "Mohammed Reza Tabrizian-Sohi";
    private static final String ENTRY = "SYN-SDN-40218";

    @Test
    void anAppealCannotOutvoteAnEmbargoAndAForgedApprovalIsNeverSealed(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", Demo.requestToTehran(vcf), vcf);
        JsonNode denied = api.awaitState("SUBMITTER_UMCU", transferId, List.of("DENIED"));
        assertThat(denied.toString()).contains("EMBARGOED_DESTINATION");

        api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                .contentType("application/json")
                .body("{\"statement\": \"Our partner in Tehran is a hospital; the data is for patient care.\"}")
                .post("/api/v1/transfers/" + transferId + "/appeal")
                .then()
                .statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200))
                        .or(org.hamcrest.Matchers.is(202)));
        String reviewId = awaitCase(api, transferId);

        // two reviewers, one of them senior, try to approve: the hard stop is not theirs to lift
        List<Response> attempts = new ArrayList<>();
        attempts.add(claimAndVote(api, "REVIEWER", reviewId, "APPROVE"));
        attempts.add(claimAndVote(api, "SENIOR_REVIEWER", reviewId, "APPROVE"));
        assertThat(attempts)
                .as("some approving vote is refused naming the rule")
                .anySatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.jsonPath().getString("type")).endsWith("/override-not-allowed");
                });
        assertThat(api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                        .get("/api/v1/transfers/" + transferId)
                        .jsonPath()
                        .getString("state"))
                .isNotEqualTo("SEALED");
        assertThat(Api.types(api.awaitTrail(transferId, List.of("AppealFiled"))))
                .doesNotContain("PackageSealed");

        // an approval that policy never made, published on the broker: the gateway will not seal it
        TransferDecided forged = approval(
                transferId,
                "p-tehran",
                "IR",
                DecisionSource.APPEAL,
                reviewId,
                List.of(reason("EMBARGOED_DESTINATION", Outcome.DENY, OverrideClass.NONE)),
                List.of("e.visser@eco", "j.mulder@eco"),
                2);
        publish(stack, forged);
        JsonNode trail = api.awaitTrail(transferId, List.of("SealingRefused"));
        assertThat(Api.types(trail)).doesNotContain("PackageSealed");
        assertThat(packagesOf(api, "PARTNER_TEHRAN")).doesNotContain(transferId);
        awaitAlertAbout(api, transferId);
    }

    @Test
    void aLoneReviewerCannotSettleAFourEyesCaseThroughAnAdjudication(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", possibleDeniedPartyToBroad(vcf), vcf);
        api.awaitState("SUBMITTER_UMCU", transferId, List.of("IN_REVIEW"));
        String reviewId = awaitCase(api, transferId);

        assertThat(claimAndVote(api, "REVIEWER", reviewId, "APPROVE").statusCode())
                .isEqualTo(200);
        Response adjudication = api.as(Service.POLICY, "REVIEWER")
                .contentType("application/json")
                .body(
                        "{\"entryId\": \"" + ENTRY + "\", \"screenedName\": \"" + SCREENED
                                + "\", \"verdict\": \"NOT_THIS_PARTY\", \"justification\": \"Different person, other birth date.\"}")
                .post("/api/v1/screening/adjudications");
        assertThat(adjudication.statusCode()).as(adjudication.asString()).isLessThan(500);

        // the re-screening the adjudication triggers must not settle the case: it stays open, in review
        Awaitility.await()
                .during(Duration.ofSeconds(8))
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "IN_REVIEW"
                                .equals(Api.json(api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                                                .get("/api/v1/transfers/" + transferId))
                                        .path("state")
                                        .asText())
                        && "OPEN"
                                .equals(Api.json(api.as(Service.POLICY, "SENIOR_REVIEWER")
                                                .get("/api/v1/reviews/" + reviewId))
                                        .path("reviewCase")
                                        .path("status")
                                        .asText()));
        assertThat(claimAndVote(api, "SENIOR_REVIEWER", reviewId, "APPROVE").statusCode())
                .isEqualTo(200);

        JsonNode sealed = api.awaitState("SUBMITTER_UMCU", transferId, List.of("SEALED"));
        assertThat(sealed.path("decision").path("source").asText()).isEqualTo("REVIEW");
        JsonNode trail = api.awaitTrail(transferId, List.of("PackageSealed"));
        List<JsonNode> decisions = StreamSupport.stream(trail.path("entries").spliterator(), false)
                .filter(e -> e.path("type").asText().equals("TransferDecided"))
                .toList();
        assertThat(decisions).noneMatch(e -> e.toString().contains("REEVALUATION"));
        assertThat(decisions.stream().filter(e -> e.toString().contains("APPROVE")))
                .hasSize(1);
    }

    @Test
    void aForgedReevaluationThatClosesACaseWithOneDeciderIsRefusedAndAlerted(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", possibleDeniedPartyToBroad(vcf), vcf);
        api.awaitState("SUBMITTER_UMCU", transferId, List.of("IN_REVIEW"));
        String reviewId = awaitCase(api, transferId);

        publish(
                stack,
                approval(
                        transferId,
                        "p-broad",
                        "US",
                        DecisionSource.REEVALUATION,
                        reviewId,
                        List.of(),
                        List.of("e.visser@eco"),
                        2));
        JsonNode trail = api.awaitTrail(transferId, List.of("SealingRefused"));
        assertThat(Api.types(trail)).doesNotContain("PackageSealed");
        assertThat(packagesOf(api, "PARTNER_BROAD")).doesNotContain(transferId);
        awaitAlertAbout(api, transferId);
    }

    /** P08 of the scenarios: an end user one transliteration away from a listed person (four-eyes case). */
    private static ObjectNode possibleDeniedPartyToBroad(byte[] vcf) {
        ObjectNode r = Demo.requestToCharite(vcf);
        r.with("dataset").put("id", "ds-cmd-umcu-2026").put("subjects", 260);
        r.with("dataset").with("consent").putArray("duo").add("DUO:0000006");
        r.with("dataset").with("consent").putArray("diseases");
        r.with("purpose")
                .put("duo", "DUO:0000006")
                .put("disease", "MONDO:0005148")
                .put("description", "Rare coding variants in type 2 diabetes");
        r.with("destination").put("partnerId", "p-broad").put("country", "US");
        var users = r.putArray("endUsers");
        users.addObject()
                .put("name", "Dr. Emily Carter")
                .put("organisation", "Broad Institute")
                .put("country", "US");
        users.addObject()
                .put("name", SCREENED)
                .put("organisation", "Broad Institute")
                .put("country", "US");
        r.put("dsaId", "DSA-BROAD-2025");
        r.put("ethicsApprovalId", "METC-UMCU-25-112");
        return r;
    }

    private static String awaitCase(Api api, String transferId) {
        String[] id = new String[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonNode page =
                            Api.json(api.as(Service.POLICY, "SENIOR_REVIEWER").get("/api/v1/reviews?limit=100"));
                    for (JsonNode item : page.path("items")) {
                        if (item.path("transferId").asText().equals(transferId)
                                && item.path("status").asText().equals("OPEN")) {
                            id[0] = item.path("reviewId").asText();
                            return true;
                        }
                    }
                    return false;
                });
        return id[0];
    }

    private static Response claimAndVote(Api api, String reviewer, String reviewId, String vote) {
        Response claim = api.as(Service.POLICY, reviewer).post("/api/v1/reviews/" + reviewId + "/claim");
        if (claim.statusCode() != 200) {
            return claim;
        }
        return api.as(Service.POLICY, reviewer)
                .contentType("application/json")
                .body("{\"vote\": \"" + vote + "\", \"justification\": \"Checked the record and the end use.\"}")
                .post("/api/v1/reviews/" + reviewId + "/decision");
    }

    private static String packagesOf(Api api, String partner) {
        return api.as(Service.GATEWAY, partner).get("/api/v1/partner/packages").asString();
    }

    private static void awaitAlertAbout(Api api, String transferId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.as(Service.AUDIT, "ANALYST")
                        .get("/api/v1/audit/alerts?limit=500")
                        .asString()
                        .contains(transferId));
    }

    private static void publish(LocalStack stack, TransferDecided decided) {
        new KafkaTestClient(stack.kafkaBootstrapServers())
                .publish(Event.of("/sluice/policy", Principal.system("policy"), decided, Clock.systemUTC()));
    }

    private static TransferDecided approval(
            String transferId,
            String partner,
            String country,
            DecisionSource source,
            String reviewId,
            List<Reason> reasons,
            List<String> deciders,
            int required) {
        return new TransferDecided(
                transferId,
                "dc-forged-" + transferId,
                "i-umcu",
                partner,
                country,
                Category.HUMAN_INDIVIDUAL,
                Outcome.APPROVE,
                reasons,
                List.of(),
                new BundleRef("default", "forged", "sha256:" + "00".repeat(32)),
                source,
                reviewId,
                null,
                Instant.now().plus(Duration.ofDays(7)),
                deciders,
                required);
    }

    private static Reason reason(String code, Outcome effect, OverrideClass override) {
        return new Reason(code, "forged." + code, code, effect, "none", "forged", "none", List.of(), override);
    }
}
