package org.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sluice.events.json.Json;

/** {@code sluice licence}: an institution's licence applications against a gateway-like server. */
class LicenceTest {
    private static final String APPLICATION = """
            {"destinationCountry": "US", "partnerId": "p-broad", "categories": ["HUMAN_INDIVIDUAL"],
             "purpose": {"duo": "DUO:0000007", "disease": "MONDO:0007254", "commercial": false,
                         "description": "Breast cancer risk variants"},
             "endUsers": [{"name": "Jane Doe", "organisation": "Broad Institute", "country": "US"}],
             "quotaBytes": 50000000000, "quotaTransfers": 20,
             "validFrom": "2027-01-01", "validUntil": "2027-12-31"}
            """;

    @TempDir
    Path dir;

    private FakeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private Cli submitter() {
        return new Cli().gateway(gateway, FakeGateway.SUBMITTER);
    }

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("app.json"), json, StandardCharsets.UTF_8);
    }

    @Test
    void applyFromAFileSendsItWithAnIdempotencyKeyAndPrintsTheLicenceIdToCite() throws IOException {
        Cli.Result r =
                submitter().run("licence", "apply", "--file", file(APPLICATION).toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("applied: application la-1 (PENDING, risk STANDARD), decision expected by"
                        + " 2026-12-03T10:00:00Z\ntransfers may cite licence LIC-la-1 now (in licenceIds); they wait"
                        + " for the grant\n");
        FakeGateway.Received sent =
                gateway.received("POST", "/api/v1/licence-applications").get(0);
        assertThat(sent.header("idempotency-key")).isNotBlank();
        assertThat(Json.mapper().readTree(sent.body())).isEqualTo(Json.mapper().readTree(APPLICATION));
    }

    @Test
    void applyFromOptionsBuildsTheApplicationAndQuietPrintsTheId() throws IOException {
        Cli.Result r = submitter()
                .run(
                        "licence",
                        "apply",
                        "--country",
                        "US",
                        "--partner",
                        "p-broad",
                        "--category",
                        "HUMAN_INDIVIDUAL,HUMAN_AGGREGATE",
                        "--purpose-duo",
                        "DUO:0000007",
                        "--purpose",
                        "Risk variants",
                        "--end-user",
                        "Jane Doe; Broad Institute; us",
                        "--quota-bytes",
                        "50G",
                        "--quota-transfers",
                        "20",
                        "--valid-from",
                        "2027-01-01",
                        "--valid-until",
                        "2027-12-31",
                        "--idempotency-key",
                        "apply-1",
                        "-q");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("la-1\n");
        FakeGateway.Received sent =
                gateway.received("POST", "/api/v1/licence-applications").get(0);
        assertThat(sent.header("idempotency-key")).isEqualTo("apply-1");
        JsonNode body = Json.mapper().readTree(sent.body());
        assertThat(body.path("categories").toString()).isEqualTo("[\"HUMAN_INDIVIDUAL\",\"HUMAN_AGGREGATE\"]");
        assertThat(body.path("endUsers").get(0).path("country").asText()).isEqualTo("US");
        assertThat(body.path("endUsers").get(0).path("organisation").asText()).isEqualTo("Broad Institute");
        assertThat(body.path("quotaBytes").asLong()).isEqualTo(50L << 30);
        assertThat(body.path("purpose").path("description").asText()).isEqualTo("Risk variants");
        assertThat(body.path("purpose").path("commercial").isBoolean()).isTrue();
        assertThat(body.path("validUntil").asText()).isEqualTo("2027-12-31");
    }

    @Test
    void optionsOverrideTheFilesFields() throws IOException {
        Cli.Result r = submitter()
                .run("licence", "apply", "--file", file(APPLICATION).toString(), "--quota-transfers", "5", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode sent = Json.mapper()
                .readTree(gateway.received("POST", "/api/v1/licence-applications")
                        .get(0)
                        .body());
        assertThat(sent.path("quotaTransfers").asInt()).isEqualTo(5);
        assertThat(sent.path("partnerId").asText()).isEqualTo("p-broad");
        assertThat(Json.mapper().readTree(r.out()).path("applicationId").asText())
                .isEqualTo("la-1");
    }

    @Test
    void anApplicationTheGatewayRejectsNamesEachFieldAndRule() throws IOException {
        Cli.Result r = submitter()
                .run(
                        "licence",
                        "apply",
                        "--file",
                        file("{\"destinationCountry\": \"US\", \"endUsers\": []}")
                                .toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .isEqualTo("sluice: Request is invalid (HTTP 400): 2 field(s) break the contract: endUsers,"
                        + " validUntil [endUsers (minItems): at least one end user is expected; validUntil"
                        + " (required): validUntil is required]\n");
    }

    @Test
    void aMalformedEndUserOrNothingToApplyForIsAUsageError() {
        Cli.Result r = submitter().run("licence", "apply", "--end-user", "Jane Doe");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--end-user 'Jane Doe' is not NAME;ORGANISATION;CC");

        Cli.Result none = submitter().run("licence", "apply");
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("nothing to apply for");
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void listShowsEachApplicationWithItsMarksAndWaitingTransfers() {
        gateway.addLicenceApplication("la-7", "GRANTED")
                .put("timeTaken", "P3DT4H")
                .put("late", true);
        ObjectNode pending = gateway.addLicenceApplication("la-8", "PENDING");
        pending.put("escalated", true).put("risk", "HIGH");
        pending.putArray("waitingTransfers").add("tr-1").add("tr-2");

        Cli.Result r = submitter().run("licence", "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo(String.join(
                        "\n",
                        "APPLICATION  LICENCE   STATUS               RISK      DESTINATION   EXPECTED BY"
                                + "           TIME TAKEN  WAITING",
                        "la-8         LIC-la-8  PENDING (escalated)  HIGH      p-broad (US)  2026-12-03T10:00:00Z"
                                + "  1d 2h 30m   2",
                        "la-7         LIC-la-7  GRANTED (late)       STANDARD  p-broad (US)  2026-12-03T10:00:00Z"
                                + "  3d 4h       0",
                        ""));
    }

    @Test
    void listForwardsTheStatusFilterAndSaysWhereTheNextPageStarts() {
        gateway.addLicenceApplication("la-1", "PENDING");
        gateway.addLicenceApplication("la-2", "WITHDRAWN");
        gateway.addLicenceApplication("la-3", "PENDING");

        Cli.Result r = submitter().run("licence", "list", "--status", "pending", "--limit", "1", "-q");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("la-3\n");
        assertThat(gateway.received("GET", "/api/v1/licence-applications")
                        .get(0)
                        .path())
                .isEqualTo("/api/v1/licence-applications?status=PENDING&limit=1");

        Cli.Result more = submitter().run("licence", "list", "--status", "PENDING", "--limit", "1");
        assertThat(more.err()).isEqualTo("more: sluice licence list --after c-la-3 --status PENDING\n");
    }

    @Test
    void listOfNothingSaysSoAndABadStatusIsAUsageError() {
        assertThat(submitter().run("licence", "list", "--status", "GRANTED").out())
                .isEqualTo("your institution has no GRANTED licence applications\n");

        Cli.Result r = submitter().run("licence", "list", "--status", "APPROVED");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--status must be one of PENDING, GRANTED, REFUSED, WITHDRAWN, not 'APPROVED'");
    }

    @Test
    void statusOfAPendingApplicationShowsTheExpectedDateTimeTakenAndWaitingTransfers() {
        ObjectNode a = gateway.addLicenceApplication("la-8", "PENDING");
        a.put("risk", "HIGH").put("requiredVotes", 2).put("escalated", true).put("late", true);
        a.putArray("waitingTransfers").add("tr-1");
        a.putArray("blockingReasons")
                .addObject()
                .put("code", "DENIED_PARTY")
                .put("title", "End user on a screening list")
                .put("explanation", "Jane Doe matches SYN-SDN-1")
                .put("remediation", "Name another end user");

        Cli.Result r = submitter().run("licence", "status", "la-8");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo(String.join(
                        "\n",
                        "application la-8  (i-umcu to p-broad, US)",
                        "status      PENDING (late, escalated)",
                        "licence     LIC-la-8 (transfers citing it wait for the decision)",
                        "applied for HUMAN_INDIVIDUAL; 46.6 GiB in 20 transfers; 2027-01-01 to 2027-12-31",
                        "purpose     DUO:0000007 MONDO:0007254: Breast cancer risk variants",
                        "risk        HIGH (2 officer approvals, one of them senior)",
                        "applied     2026-11-23T10:00:00Z by s.devries@umcu",
                        "expected by 2026-12-03T10:00:00Z",
                        "time taken  1d 2h 30m so far",
                        "blocking    (no grant while these stand)",
                        "  DENIED_PARTY: End user on a screening list",
                        "      why       Jane Doe matches SYN-SDN-1",
                        "      remedy    Name another end user",
                        "waiting     tr-1",
                        ""));
    }

    @Test
    void statusOfAGrantShowsItsTermsAndOfARefusalItsReasons() {
        ObjectNode granted = gateway.addLicenceApplication("la-7", "GRANTED");
        granted.put("decidedAt", "2026-11-26T14:00:00Z").put("timeTaken", "P3DT4H");
        ObjectNode terms = granted.putObject("terms");
        terms.put("validFrom", "2027-01-01").put("validUntil", "2027-06-30");
        terms.put("quotaBytes", 10_000_000_000L).put("quotaTransfers", 5);
        terms.put("postShipmentVerification", true).put("verificationDays", 30);
        terms.putArray("conditions").add("no onward transfer");
        ObjectNode refused = gateway.addLicenceApplication("la-9", "REFUSED");
        refused.putArray("reasons").add("End use could not be verified with the partner.");

        Cli.Result r = submitter().run("licence", "status", "la-7");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("status      GRANTED\n")
                .contains("expected by 2026-12-03T10:00:00Z; decided at 2026-11-26T14:00:00Z\n")
                .contains("time taken  3d 4h\n")
                .contains("terms       2027-01-01 to 2027-06-30; 9.3 GiB in 5 transfers\n"
                        + "  post-shipment verification within 30 days\n"
                        + "  condition  no onward transfer\n")
                .contains("waiting     no transfers\n");

        Cli.Result refusal = submitter().run("licence", "status", "la-9");
        assertThat(refusal.out())
                .contains("status      REFUSED\n")
                .contains("refused because\n  End use could not be verified with the partner.\n");
        assertThat(submitter().run("licence", "status", "la-9", "-q").out()).isEqualTo("REFUSED\n");
    }

    @Test
    void statusOfAnUnknownApplicationIsRefusedAndAnIdThatCannotBeOneIsAUsageError() {
        Cli.Result r = submitter().run("licence", "status", "la-404");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .isEqualTo("sluice: Not found (HTTP 404): licence application does not exist or is not yours\n");

        Cli.Result bad = submitter().run("licence", "status", "../transfers");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(gateway.received).hasSize(1);
    }

    @Test
    void withdrawSendsTheReasonAndAClosedApplicationIsRefused() throws IOException {
        gateway.addLicenceApplication("la-1", "PENDING");
        gateway.addLicenceApplication("la-2", "GRANTED");

        Cli.Result r = submitter().run("licence", "withdraw", "la-1", "--reason", " Project cancelled ");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("withdrew application la-1 (WITHDRAWN)\n");
        assertThat(Json.mapper()
                        .readTree(gateway.received("POST", "/api/v1/licence-applications/la-1/withdrawal")
                                .get(0)
                                .body())
                        .path("reason")
                        .asText())
                .isEqualTo("Project cancelled");

        Cli.Result closed = submitter().run("licence", "withdraw", "la-2", "--reason", "changed our mind");
        assertThat(closed.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(closed.err())
                .isEqualTo("sluice: Application is closed (HTTP 409): la-2 is GRANTED; only a pending one can be"
                        + " withdrawn\n");
    }

    @Test
    void withdrawNeedsAReasonThatIsNotBlank() {
        assertThat(submitter().run("licence", "withdraw", "la-1").exitCode()).isEqualTo(ExitCode.USAGE);
        Cli.Result blank = submitter().run("licence", "withdraw", "la-1", "--reason", "  ");
        assertThat(blank.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(blank.err()).contains("the reason must not be blank");
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void aPartnersTokenIsRefused() {
        Cli.Result r = new Cli().gateway(gateway, FakeGateway.PARTNER).run("licence", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).isEqualTo("sluice: Forbidden (HTTP 403): this needs the submitter role\n");
    }
}
