package org.sluice.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.json.Json;
import org.sluice.events.transfer.Category;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/** Drives the gateway as submitters, partners, administrators and the policy service do. */
public final class GatewayApi {

    /** The submitting institution most tests use. */
    public static final String UMCU = "i-umcu";

    private GatewayApi() {}

    /** A valid transfer request (the architecture's example) to a partner, declaring a payload. */
    public static ObjectNode request(String partnerId, String country, byte[] payload) {
        return request(partnerId, country, payload.length, Sha256.hex(payload));
    }

    /** A valid transfer request declaring a size and digest. */
    public static ObjectNode request(String partnerId, String country, long sizeBytes, String sha256) {
        try {
            ObjectNode request = (ObjectNode) Json.mapper().readTree("""
                    {
                      "dataset": {"id": "ds-bc-2024-07", "title": "Breast cancer cohort WGS",
                                  "category": "HUMAN_INDIVIDUAL", "subjects": 412, "format": "VCF",
                                  "consent": {"duo": ["DUO:0000007", "DUO:0000018"], "diseases": ["MONDO:0007254"],
                                              "countries": []}},
                      "purpose": {"duo": "DUO:0000007", "disease": "MONDO:0007254", "commercial": false,
                                  "description": "Replication of BRCA2 modifier GWAS"},
                      "destination": {"partnerId": "p-charite", "country": "DE"},
                      "endUsers": [{"name": "Dr. Anna Keller", "organisation": "Charite Berlin", "country": "DE"}],
                      "licenceIds": ["LIC-2025-0042"], "dsaId": "DSA-CHARITE-2024", "ethicsApprovalId": "EA-17-331",
                      "basis": "STANDARD",
                      "payload": {"sizeBytes": 0, "sha256": ""}
                    }""");
            ((ObjectNode) request.get("destination"))
                    .put("partnerId", partnerId)
                    .put("country", country);
            ((ObjectNode) request.get("endUsers").get(0)).put("country", country);
            ((ObjectNode) request.get("payload")).put("sizeBytes", sizeBytes).put("sha256", sha256);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits a request as a submitter of the institution; returns the new transfer's id. */
    public static String submit(String institution, ObjectNode request) {
        return given().auth()
                .oauth2(Tokens.submitter(institution))
                .contentType("application/json")
                .body(request.toString())
                .post("/api/v1/transfers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Uploads a payload and expects it staged. */
    public static void upload(String institution, String transferId, byte[] payload) {
        given().auth()
                .oauth2(Tokens.submitter(institution))
                .contentType("application/octet-stream")
                .body(payload)
                .put("/api/v1/transfers/" + transferId + "/payload")
                .then()
                .statusCode(200);
    }

    /** Submits and uploads a payload to a partner; returns the transfer's id once it is STAGED. */
    public static String staged(String partnerId, String country, byte[] payload) {
        String id = submit(UMCU, request(partnerId, country, payload));
        upload(UMCU, id, payload);
        return id;
    }

    /** A transfer as its submitter sees it. */
    public static JsonPath transfer(String institution, String transferId) {
        return given().auth()
                .oauth2(Tokens.submitter(institution))
                .get("/api/v1/transfers/" + transferId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until a transfer reaches a state. */
    public static JsonPath awaitState(String institution, String transferId, String state) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> state.equals(transfer(institution, transferId).getString("state")));
        return transfer(institution, transferId);
    }

    /** Registers a demo partner with its fixture key, valid for years. */
    public static void registerPartner(String partnerId, String country) {
        registerPartner(partnerId, country, List.of(key(partnerId + "-2024", partnerId, "2024-01-01", "2031-12-31")));
    }

    /** Registers a partner with the given keys (each made by {@link #key}). */
    public static void registerPartner(String partnerId, String country, List<Map<String, Object>> keys) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of(
                        "institution",
                        "Institution of " + partnerId,
                        "country",
                        country,
                        "status",
                        "ACTIVE",
                        "profitStatus",
                        "NOT_FOR_PROFIT",
                        "adequacyCovered",
                        false,
                        "deliveryFormat",
                        "CRYPT4GH",
                        "keys",
                        keys))
                .put("/api/v1/admin/partners/" + partnerId)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A key entry of a registration with the fixture public key of a demo partner. */
    public static Map<String, Object> key(String keyId, String fixtureKey, String validFrom, String validUntil) {
        return Map.of(
                "keyId", keyId,
                "publicKey", fixture("keys/" + fixtureKey + ".pub"),
                "validFrom", validFrom,
                "validUntil", validUntil);
    }

    /** A fixture file's text. */
    public static String fixture(String path) {
        try {
            return Files.readString(Fixtures.path(path), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes a decision as the policy service would. */
    public static Event<TransferDecided> decide(
            String transferId, String partnerId, String country, Outcome outcome, String... codes) {
        return decide(decision(transferId, partnerId, country, outcome, codes));
    }

    /** Publishes a decision as the policy service would. */
    public static Event<TransferDecided> decide(TransferDecided decision) {
        Event<TransferDecided> event =
                Event.of("/sluice/policy", Principal.system("policy"), decision, java.time.Clock.systemUTC());
        KafkaTestClient.ofTestBroker().publish(event);
        return event;
    }

    /** The override class the default bundle gives a reason code (hard stops NONE; the rest as policy has it). */
    public static OverrideClass overrideOf(String code) {
        return switch (code) {
            case "EMBARGOED_DESTINATION",
                    "COUNTRY_OF_CONCERN_BULK",
                    "DENIED_PARTY",
                    "PARTNER_UNKNOWN",
                    "PARTNER_SUSPENDED",
                    "PARTNER_KEY_EXPIRED" -> OverrideClass.NONE;
            case "LICENCE_REQUIRED",
                    "LICENCE_INVALID",
                    "LICENCE_QUOTA_EXCEEDED",
                    "CONSENT_MISMATCH",
                    "ETHICS_APPROVAL_REQUIRED",
                    "DSA_REQUIRED",
                    "POSSIBLE_DENIED_PARTY",
                    "HUMANITARIAN_EXEMPTION" -> OverrideClass.FOUR_EYES;
            default -> OverrideClass.ONE_REVIEWER;
        };
    }

    /** A decision on one of {@link #UMCU}'s transfers, each code a reason with the outcome as its effect. */
    public static TransferDecided decision(
            String transferId, String partnerId, String country, Outcome outcome, String... codes) {
        List<Reason> reasons = java.util.Arrays.stream(codes)
                .map(code -> new Reason(
                        code,
                        "rule-" + code.toLowerCase(java.util.Locale.ROOT),
                        "Rule " + code,
                        outcome,
                        "Reg. (EU) 2021/821 Art. 3",
                        "because " + code,
                        "do something about " + code,
                        List.of(new org.sluice.events.decision.Evidence("PARTNER", partnerId, null)),
                        overrideOf(code)))
                .toList();
        return new TransferDecided(
                transferId,
                "dc-" + UUID.randomUUID(),
                UMCU,
                partnerId,
                country,
                Category.HUMAN_INDIVIDUAL,
                outcome,
                reasons,
                List.of(),
                new BundleRef("default", "2026.1", "sha256:" + "ab".repeat(32)),
                DecisionSource.ENGINE,
                null,
                null,
                outcome.isApproval() ? Instant.now().plus(30, ChronoUnit.DAYS) : null,
                List.of(),
                0);
    }
}
