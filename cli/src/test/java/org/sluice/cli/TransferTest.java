package org.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sluice.events.json.Json;
import org.sluice.testsupport.Fixtures;

/** The submitter's commands against a gateway-like server: create, upload, status, precheck. */
class TransferTest {
    @TempDir
    Path dir;

    private FakeGateway gateway;
    private Path request;
    private Path vcf;

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
        ObjectNode body = (ObjectNode) Json.mapper().readTree(requestJson());
        body.remove("payload");
        request = Files.write(dir.resolve("request.json"), Json.mapper().writeValueAsBytes(body));
        vcf = Fixtures.path("data/synthetic-chr20.vcf");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void createDeclaresThePayloadFromTheFileAndPrintsTheIdAndUploadUrl() throws IOException {
        Cli.Result r = submitter().run("transfer", "create", "--request", request.toString(), "--file", vcf.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("created transfer tr-1 (RECEIVED)\nupload to " + gateway.uri()
                        + "/api/v1/transfers/tr-1/payload\n");
        JsonNode sent = Json.mapper()
                .readTree(gateway.received("POST", "/api/v1/transfers").get(0).body());
        assertThat(sent.path("payload").path("sizeBytes").asLong()).isEqualTo(Files.size(vcf));
        assertThat(sent.path("payload").path("sha256").asText()).isEqualTo(FakeGateway.sha256(Files.readAllBytes(vcf)));
        assertThat(sent.path("dataset").path("id").asText()).isEqualTo("ds-bc-2024-07");
        assertThat(gateway.received("POST", "/api/v1/transfers").get(0).header("idempotency-key"))
                .isNotBlank();
    }

    @Test
    void licenceCitesTheLicenceBesideThoseOfTheFileOnceEach() throws IOException {
        ObjectNode body = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(request));
        body.putArray("licenceIds").add("LIC-2025-0042");
        Files.write(request, Json.mapper().writeValueAsBytes(body));

        Cli.Result r = submitter()
                .run(
                        "transfer",
                        "create",
                        "--request",
                        request.toString(),
                        "--file",
                        vcf.toString(),
                        "--licence",
                        "LIC-A-000007",
                        "--licence",
                        "LIC-2025-0042");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode sent = Json.mapper()
                .readTree(gateway.received("POST", "/api/v1/transfers").get(0).body());
        assertThat(sent.path("licenceIds"))
                .extracting(JsonNode::asText)
                .containsExactly("LIC-2025-0042", "LIC-A-000007");
    }

    @Test
    void createWithUploadSendsThePayloadAndQuietPrintsOnlyTheId() throws IOException {
        Cli.Result r = submitter()
                .run(
                        "transfer",
                        "create",
                        "--request",
                        request.toString(),
                        "--file",
                        vcf.toString(),
                        "--upload",
                        "--idempotency-key",
                        "run-42",
                        "-q");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("tr-1\n");
        assertThat(gateway.received("PUT", "/api/v1/transfers/tr-1/payload")
                        .get(0)
                        .body())
                .isEqualTo(Files.readAllBytes(vcf));
        assertThat(state("tr-1")).isEqualTo("STAGED");
        assertThat(gateway.received("POST", "/api/v1/transfers").get(0).header("idempotency-key"))
                .isEqualTo("run-42");
    }

    @Test
    void aRequestThatDeclaresAnotherDigestThanTheFileIsRefusedLocally() {
        Cli.Result r = submitter()
                .run(
                        "transfer",
                        "create",
                        "--request",
                        requestWithPayload(12, "ab".repeat(32)).toString(),
                        "--file",
                        vcf.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).startsWith("sluice: the request declares payload.sizeBytes 12, but " + vcf);
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void aRequestTheGatewayRejectsNamesEachFieldAndRule() {
        Cli.Result r = submitter().run("transfer", "create", "--request", request.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .isEqualTo("sluice: Request is invalid (HTTP 400): 1 field(s) break the contract: payload"
                        + " [payload (required): payload is required]\n");
    }

    @Test
    void uploadSendsTheFileToATransferWaitingForIt() throws IOException {
        gateway.addTransfer("tr-9", "RECEIVED", declared(vcf));

        Cli.Result r = submitter().run("transfer", "upload", "tr-9", vcf.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("uploaded " + String.format(java.util.Locale.ROOT, "%,d", Files.size(vcf))
                        + " bytes to tr-9, sha256 " + FakeGateway.sha256(Files.readAllBytes(vcf)) + "; now STAGED\n");
    }

    @Test
    void uploadRefusesAFileOfAnotherSizeThanDeclaredBeforeSendingIt() throws IOException {
        Path other = Files.writeString(dir.resolve("other.vcf"), "##fileformat=VCFv4.3\n");
        gateway.addTransfer("tr-9", "RECEIVED", declared(vcf));

        Cli.Result r = submitter().run("transfer", "upload", "tr-9", other.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).contains("has 21 bytes, but transfer tr-9 declares").contains("nothing was sent");
        assertThat(gateway.received("PUT", "/")).isEmpty();
    }

    @Test
    void uploadSendsTheFileInContentRangeChunks() throws IOException {
        gateway.addTransfer("tr-9", "RECEIVED", declared(vcf));

        Cli.Result r = submitter().run("transfer", "upload", "tr-9", vcf.toString(), "--chunk-size", "32K");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(contentRanges("tr-9"))
                .containsExactly("bytes 0-32767/84674", "bytes 32768-65535/84674", "bytes 65536-84673/84674");
        assertThat(state("tr-9")).isEqualTo("STAGED");
    }

    @Test
    void anInterruptedUploadResumesFromTheBytesTheGatewayReceived() throws IOException {
        gateway.addTransfer("tr-9", "RECEIVED", declared(vcf));
        gateway.cutNextUploadAfter(20_000);

        Cli.Result r = submitter().run("transfer", "upload", "tr-9", vcf.toString(), "--chunk-size", "64K");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(contentRanges("tr-9")).containsExactly("bytes 0-65535/84674", "bytes 20000-84673/84674");
        assertThat(gateway.received("GET", "/api/v1/transfers/tr-9/payload")).hasSize(2); // before, and after the cut
        assertThat(state("tr-9")).isEqualTo("STAGED");
    }

    @Test
    void anUploadThatKeepsBreakingOffIsResumedByTheNextRun() throws IOException {
        gateway.addTransfer("tr-9", "RECEIVED", declared(vcf));
        gateway.cutNextUploadAfter(50_000);

        Cli.Result first = submitter().run("transfer", "upload", "tr-9", vcf.toString(), "--retries", "0");

        assertThat(first.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(first.err().lines().toList())
                .last()
                .asString()
                .startsWith("sluice: the upload of tr-9 broke off after 0 B of 82.7 KiB (")
                .endsWith("run 'sluice transfer upload tr-9 " + vcf + "' to resume");

        assertThat(submitter().run("transfer", "status", "tr-9").out())
                .contains("payload     48.8 KiB of 82.7 KiB received; 'sluice transfer upload' resumes from there");

        Cli.Result second = submitter().run("transfer", "upload", "tr-9", vcf.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("resuming the upload of tr-9 at 48.8 KiB of 82.7 KiB");
        assertThat(contentRanges("tr-9")).containsExactly("bytes 0-84673/84674", "bytes 50000-84673/84674");
        assertThat(state("tr-9")).isEqualTo("STAGED");
    }

    @Test
    void aPayloadTheGatewayFindsDifferentFromTheDeclarationIsItsRefusalQuoted() throws IOException {
        byte[] altered = Files.readAllBytes(vcf);
        altered[100] ^= 1;
        Path other = Files.write(dir.resolve("altered.vcf"), altered);
        gateway.addTransfer("tr-9", "RECEIVED", declared(vcf));

        Cli.Result r = submitter().run("transfer", "upload", "tr-9", other.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .startsWith("sluice: Payload does not match its declaration (HTTP 422): expected SHA-256 "
                        + FakeGateway.sha256(Files.readAllBytes(vcf)) + ", found " + FakeGateway.sha256(altered));
    }

    @Test
    void uploadToATransferThatAlreadyHasItsPayloadIsRefused() throws IOException {
        gateway.addTransfer("tr-9", "STAGED", declared(vcf));

        Cli.Result r = submitter().run("transfer", "upload", "tr-9", vcf.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).isEqualTo("sluice: transfer tr-9 is STAGED: it is not waiting for a payload\n");
    }

    @Test
    void statusShowsTheDecisionWithEveryReasonCodeAndCitation() throws IOException {
        ObjectNode t = gateway.addTransfer("tr-7", "DENIED", declared(vcf));
        ObjectNode decision = t.putObject("decision");
        decision.put("decisionId", "dec-7").put("outcome", "DENY").put("source", "ENGINE");
        decision.put("decidedAt", "2026-11-23T10:00:04Z");
        decision.putObject("bundle")
                .put("id", "default")
                .put("version", "2026.11")
                .put("digest", "sha256:abc");
        decision.putArray("reasons")
                .addObject()
                .put("code", "EMBARGOED_DESTINATION")
                .put("ruleId", "embargo")
                .put("title", "Embargoed destination")
                .put("effect", "DENY")
                .put("citation", "Council Regulation (EU) 267/2012, art. 2")
                .put("explanation", "IR is under an arms and dual-use embargo")
                .put("remediation", "No export is possible while the embargo lasts")
                .putArray("evidence")
                .addObject()
                .put("kind", "COUNTRY")
                .put("id", "IR");

        Cli.Result r = submitter().run("transfer", "status", "tr-7");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("state       DENIED since 2026-11-23T10:00:05Z")
                .contains("decision    DENY  dec-7 by ENGINE at 2026-11-23T10:00:04Z")
                .contains("bundle      default 2026.11 (sha256:abc)")
                .contains("  DENY  EMBARGOED_DESTINATION  rule embargo: Embargoed destination")
                .contains("      citation  Council Regulation (EU) 267/2012, art. 2")
                .contains("      why       IR is under an arms and dual-use embargo")
                .contains("      evidence  COUNTRY IR")
                .contains("      remedy    No export is possible while the embargo lasts");
    }

    @Test
    void statusWaitsWhileTheTransferIsBeingDecidedAndSealed() throws IOException {
        gateway.addTransfer("tr-5", "STAGED", declared(vcf));
        gateway.scriptStates("tr-5", "STAGED", "STAGED", "APPROVED", "SEALED");

        Cli.Result r = submitter().run("transfer", "status", "tr-5", "--wait", "-q");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("SEALED\n");
        assertThat(gateway.received("GET", "/api/v1/transfers/tr-5")).hasSize(4);
    }

    @Test
    void statusGivesUpWaitingAfterTheTimeout() throws IOException {
        gateway.addTransfer("tr-5", "STAGED", declared(vcf));

        Cli.Result r = submitter().run("transfer", "status", "tr-5", "--wait", "--timeout", "PT10S");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err().lines().toList())
                .last()
                .isEqualTo("sluice: transfer tr-5 is still STAGED after 10 s; run the command again to keep waiting");
    }

    @Test
    void precheckShowsTheOutcomeAndTheRulesThatDidNotMatch() throws IOException {
        ObjectNode evaluation = Json.mapper().createObjectNode();
        evaluation.put("outcome", "APPROVE").put("evaluatedAt", "2026-11-23T10:00:00Z");
        evaluation
                .putObject("bundle")
                .put("id", "default")
                .put("version", "2026.11")
                .put("digest", "sha256:abc");
        evaluation
                .putArray("notMatched")
                .addObject()
                .put("ruleId", "embargo")
                .put("code", "EMBARGOED_DESTINATION")
                .put("title", "Embargoed destination");
        gateway.precheckAnswer(evaluation);

        Cli.Result r = submitter()
                .run("transfer", "precheck", "--request", request.toString(), "--file", vcf.toString(), "--explain");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("outcome     APPROVE  (precheck: nothing was created or staged)\n")
                .contains("reasons     none")
                .contains("  EMBARGOED_DESTINATION  rule embargo: Embargoed destination");
        assertThat(gateway.received("POST", "/api/v1/transfers/precheck?explain=full"))
                .hasSize(1);
    }

    @Test
    void aPartnerTokenOnTheSubmitterApiIsForbidden() {
        Cli.Result r = new Cli().gateway(gateway, FakeGateway.PARTNER).run("transfer", "status", "tr-1");

        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).isEqualTo("sluice: Forbidden (HTTP 403): this needs the submitter role\n");
    }

    private String state(String transferId) {
        return gateway.transfers.get(transferId).path("state").asText();
    }

    private List<String> contentRanges(String transferId) {
        return gateway.received("PUT", "/api/v1/transfers/" + transferId + "/payload").stream()
                .map(q -> q.header("content-range"))
                .toList();
    }

    @Test
    void appealSendsTheStatementWithAnIdempotencyKeyAndPrintsTheAppeal() throws IOException {
        ObjectNode t = gateway.addTransfer("tr-7", "DENIED", declared(vcf));
        t.putObject("decision").put("decisionId", "dec-7").put("outcome", "DENY");

        Cli.Result r = submitter()
                .run("transfer", "appeal", "tr-7", "--statement", "The DSA was renewed; see DSA-CHARITE-2026.");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("appealed transfer tr-7 (APPEALED): appeal ap-tr-7 against decision dec-7\n");
        FakeGateway.Received sent =
                gateway.received("POST", "/api/v1/transfers/tr-7/appeal").get(0);
        assertThat(Json.mapper().readTree(sent.body()).path("statement").asText())
                .isEqualTo("The DSA was renewed; see DSA-CHARITE-2026.");
        assertThat(sent.header("idempotency-key")).isNotBlank();
    }

    @Test
    void appealOfATransferThatIsNotDeniedQuotesTheGatewaysRefusal() throws IOException {
        gateway.addTransfer("tr-8", "SEALED", declared(vcf));

        Cli.Result r = submitter().run("transfer", "appeal", "tr-8", "--statement", "please");

        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("only a DENIED transfer can be appealed");
    }

    @Test
    void appealNeedsAStatement() throws IOException {
        gateway.addTransfer("tr-8", "DENIED", declared(vcf));

        Cli.Result none = submitter().run("transfer", "appeal", "tr-8");
        Cli.Result blank = submitter().run("transfer", "appeal", "tr-8", "--statement", "  ");

        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(blank.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(blank.err()).contains("the statement must not be blank");
        assertThat(gateway.received("POST", "/api/v1/transfers/tr-8/appeal")).isEmpty();
    }

    @Test
    void statusInReviewShowsTheDeadlineTimeInReviewAndTheAppeal() throws IOException {
        ObjectNode t = gateway.addTransfer("tr-6", "IN_REVIEW", declared(vcf));
        t.putObject("review")
                .put("reviewId", "rv-6")
                .put("kind", "APPEAL")
                .put("openedAt", "2026-11-23T11:00:00Z")
                .put("deadline", "2026-11-25T11:00:00Z")
                .put("escalated", true)
                .put("timeInReview", "PT26H");
        t.putObject("appeal")
                .put("appealId", "ap-6")
                .put("decisionId", "dec-6")
                .put("statement", "The DSA was renewed.")
                .put("filedAt", "2026-11-23T10:59:00Z");

        Cli.Result r = submitter().run("transfer", "status", "tr-6");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("review      APPEAL  rv-6, in review PT26H\n")
                .contains("deadline    2026-11-25T11:00:00Z  (escalated to senior reviewers)\n")
                .contains("appeal      ap-6 against dec-6, filed 2026-11-23T10:59:00Z: awaiting review\n")
                .contains("statement   The DSA was renewed.\n");
    }

    private Cli submitter() {
        return new Cli().gateway(gateway, FakeGateway.SUBMITTER);
    }

    private Path requestWithPayload(long size, String sha256) {
        try {
            ObjectNode body = (ObjectNode) Json.mapper().readTree(requestJson());
            body.putObject("payload").put("sizeBytes", size).put("sha256", sha256);
            return Files.write(dir.resolve("declared.json"), Json.mapper().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode declared(Path payload) throws IOException {
        ObjectNode body = (ObjectNode) Json.mapper().readTree(requestJson());
        body.putObject("payload")
                .put("sizeBytes", Files.size(payload))
                .put("sha256", FakeGateway.sha256(Files.readAllBytes(payload)));
        return body;
    }

    /** The example request the README tour submits (cli/examples). */
    static byte[] requestJson() throws IOException {
        return Files.readAllBytes(
                Path.of(System.getProperty("sluice.root", "..")).resolve("cli/examples/request-p-charite.json"));
    }
}
