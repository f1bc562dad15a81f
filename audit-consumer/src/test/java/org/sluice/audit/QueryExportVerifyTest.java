package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.Outcome;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.PostgresResource;
import org.sluice.testsupport.Tokens;
import org.sluice.transparency.verify.VerifyCommand;
import picocli.CommandLine;

@QuarkusTest
class QueryExportVerifyTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void entriesAreFoundByEveryFacetAndPagedWithACursor() {
        String institution = "i-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            kafka.publish(AuditEvents.eventAt(
                    t0.plusSeconds(i * 3600L),
                    AuditEvents.ENGINE,
                    AuditEvents.decided(
                            "tr-q-" + institution + "-" + i,
                            institution,
                            i % 2 == 0 ? "IR" : "DE",
                            i % 2 == 0 ? Outcome.DENY : Outcome.APPROVE,
                            i % 2 == 0 ? "EMBARGOED_DESTINATION" : "GENERAL_LICENCE")));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        search("institution=" + institution).getList("entries").size() == 5);

        assertThat(search("institution=" + institution + "&country=IR&outcome=DENY&reasonCode=EMBARGOED_DESTINATION")
                        .getList("entries.transferId", String.class))
                .hasSize(3)
                .allMatch(t -> t.endsWith("-0") || t.endsWith("-2") || t.endsWith("-4"));
        assertThat(search("institution=" + institution + "&from=2026-03-01T01:00:00Z&to=2026-03-01T03:00:00Z")
                        .getList("entries.transferId", String.class))
                .hasSize(2);

        JsonPath first = search("institution=" + institution + "&limit=2");
        JsonPath second = search("institution=" + institution + "&limit=2&cursor=" + first.getString("nextCursor"));
        JsonPath third = search("institution=" + institution + "&limit=2&cursor=" + second.getString("nextCursor"));
        List<Long> indices = new ArrayList<>();
        indices.addAll(first.getList("entries.index", Long.class));
        indices.addAll(second.getList("entries.index", Long.class));
        indices.addAll(third.getList("entries.index", Long.class));
        assertThat(indices).hasSize(5).isSorted().doesNotHaveDuplicates();
        assertThat(third.getString("nextCursor")).isNull();
    }

    @Test
    void anInvalidRangeOrParameterIsA400NamingEachField() {
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/entries?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z&country=germany"
                        + "&limit=0&outcome=MAYBE&colour=red")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("colour"));
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/entries?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z&country=germany"
                        + "&limit=0&outcome=MAYBE&from=x")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("from", "country", "limit", "outcome"))
                .body("errors.rule", hasItems("range", "pattern", "enum"));
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/entries?to=yesterday")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/audit/entries")
                .then()
                .statusCode(403);
    }

    @Test
    void theCsvExportHasAHeaderAndOneDefusedRowPerEntry() {
        String transfer = "tr-" + UUID.randomUUID();
        kafka.publish(AuditEvents.event(AuditEvents.SUBMITTER, AuditEvents.cancelled(transfer)));
        AuditLogTest.awaitTrailSize(transfer, 1);
        String csv = given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/export?format=csv&transferId=" + transfer)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).startsWith("index,eventId,type,time,actor");
        assertThat(rows[1])
                .contains(",TransferCancelled,")
                .contains(",anna@i-umcu,")
                .contains(transfer);
    }

    @Test
    void theWholeExportVerifiesAndACorruptedLineIsNamed() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        kafka.publish(AuditEvents.event(AuditEvents.SUBMITTER, AuditEvents.cancelled(transfer)));
        AuditLogTest.awaitTrailSize(transfer, 1);
        long size = AuditLogTest.count("SELECT tree_size FROM audit.log_head");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> CheckpointAndProofTest.latest().getLong("treeSize") >= size);
        Path dir = Files.createTempDirectory(Path.of("target"), "export-");
        // The checkpoint is fetched before the export: the log only grows, so the export holds every
        // entry the checkpoint covers even when other events arrive in between (fetched after, a newer
        // checkpoint could cover entries the export was taken too early to hold).
        Path checkpoints = dir.resolve("checkpoints.json");
        Files.writeString(checkpoints, "[" + CheckpointAndProofTest.latest().prettify() + "]");
        Path export = dir.resolve("log.ndjson");
        Files.write(
                export,
                given().auth()
                        .oauth2(Tokens.securityAnalyst())
                        .get("/api/v1/audit/export")
                        .then()
                        .statusCode(200)
                        .contentType("application/x-ndjson")
                        .extract()
                        .asByteArray());
        Path key = dir.resolve("log.pub");
        Files.writeString(key, CheckpointAndProofTest.logKey().publicKeyPem());

        Verification intact =
                verify("--export", export.toString(), "--checkpoints", checkpoints.toString(), "--key", key.toString());
        assertThat(intact.exit()).as(intact.out()).isZero();

        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace("\"type\":\"", "\"type\":\"X"));
        Files.write(export, lines, StandardCharsets.UTF_8);
        Verification corrupted =
                verify("--export", export.toString(), "--checkpoints", checkpoints.toString(), "--key", key.toString());
        assertThat(corrupted.exit()).isEqualTo(1);
        assertThat(corrupted.out()).contains("ALTERED: entry 2 ").contains("(line 3)");
    }

    @Test
    void verifyNamesTheRowChangedAndTheRowDeletedDirectlyInPostgresql() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            kafka.publish(AuditEvents.event(
                    AuditEvents.ENGINE, AuditEvents.decided(transfer, "i-umcu", "DE", Outcome.APPROVE)));
        }
        AuditLogTest.awaitTrailSize(transfer, 3);
        long size = AuditLogTest.count("SELECT tree_size FROM audit.log_head");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> CheckpointAndProofTest.latest().getLong("treeSize") >= size);
        Path key = Files.createTempFile(Path.of("target"), "log", ".pub");
        Files.writeString(key, CheckpointAndProofTest.logKey().publicKeyPem());
        // a copy of the live tables, so the tampering does not disturb the service under test
        try (Connection c = AuditLogTest.connect()) {
            c.createStatement()
                    .execute("DROP SCHEMA IF EXISTS tampered CASCADE; CREATE SCHEMA tampered;"
                            + " CREATE TABLE tampered.log_entry AS SELECT * FROM audit.log_entry WHERE idx < " + size
                            + ";"
                            + " CREATE TABLE tampered.checkpoint AS SELECT * FROM audit.checkpoint WHERE tree_size <= "
                            + size);
        }
        String[] args = {
            "--jdbc", PostgresResource.jdbcUrl(), "--user", "postgres", "--schema", "tampered", "--key", key.toString()
        };
        assertThat(verify(args).exit()).as(verify(args).out()).isZero();

        // this test's own entries, wherever other events (alerts, other tests' stragglers) fell between them
        String ownEntries = "(idx) FROM audit.log_entry WHERE transfer_id = '" + transfer + "'";
        long changed = AuditLogTest.count("SELECT min" + ownEntries);
        long deleted = AuditLogTest.count("SELECT max" + ownEntries);
        try (Connection c = AuditLogTest.connect()) {
            c.createStatement()
                    .execute("UPDATE tampered.log_entry SET entry = convert_to(replace(convert_from(entry, 'UTF8'),"
                            + " '\"APPROVE\"', '\"DENY\"'), 'UTF8') WHERE idx = " + changed);
            c.createStatement().execute("DELETE FROM tampered.log_entry WHERE idx = " + deleted);
        }
        Verification tampered = verify(args);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out())
                .contains("ALTERED: entry " + changed + " does not hash to its stored leaf hash")
                .contains("MISSING: entry " + deleted + " is missing");
    }

    /** A page of the log's search as a security analyst, answered 200. */
    static JsonPath search(String query) {
        return given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/entries?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Verification verify(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Verification(exit, out.toString());
    }

    private record Verification(int exit, String out) {}
}
