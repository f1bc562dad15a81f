package org.sluice.transparency.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.json.Json;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.SignedNote;
import org.sluice.transparency.merkle.CompactRange;
import org.sluice.transparency.merkle.Rfc9162;
import picocli.CommandLine;

class VerifyCommandTest {

    private static final String ORIGIN = "sluice.example/audit";
    private static final SigningKey KEY = SigningKey.generate();

    @TempDir
    Path dir;

    private Path export;
    private Path checkpoints;
    private Path key;
    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void anExportOfTwentyEntriesWithCheckpointsAtSevenAndTwenty() throws Exception {
        CompactRange tree = CompactRange.empty();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "ev-" + i;
            String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"TransferCancelled\","
                    + "\"data\":{\"transferId\":\"tr-" + i + "\"}}";
            byte[] entry = CanonicalJson.toBytes(Json.mapper().readTree(event));
            byte[] leaf = Rfc9162.leafHash(entry);
            tree.append(leaf, node -> {});
            lines.add("{\"index\":" + i + ",\"eventId\":\"" + id + "\",\"leafHash\":\""
                    + Base64.getEncoder().encodeToString(leaf) + "\",\"entry\":" + event + "}");
            if (tree.size() == 7 || tree.size() == 20) {
                notes.add(SignedNote.sign(
                        new Checkpoint(ORIGIN, tree.size(), tree.root(), Instant.parse("2026-11-23T10:00:00Z")), KEY));
            }
        }
        checkpoints = dir.resolve("checkpoints.json");
        Files.writeString(
                checkpoints,
                Json.mapper()
                        .writeValueAsString(notes.stream()
                                .map(n -> java.util.Map.of("note", n))
                                .toList()));
        key = dir.resolve("log.pub");
        Files.writeString(key, KEY.publicKeyPem());
        export = dir.resolve("log.ndjson");
    }

    @Test
    void anIntactExportVerifies() throws Exception {
        Result r = verify(lines);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("read 20 entries").contains("OK");
    }

    @Test
    void anAlteredEntryIsNamedWithItsIndexAndLine() throws Exception {
        lines.set(4, lines.get(4).replace("tr-4", "tr-X"));
        Result r = verify(lines);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("ALTERED: entry 4 does not hash to its stored leaf hash")
                .contains("(line 5)");
    }

    @Test
    void anEntryAlteredTogetherWithItsLeafHashIsCaughtByTheSignedRoot() throws Exception {
        String altered = lines.get(9).replace("tr-9", "tr-X");
        String event = altered.substring(altered.indexOf("\"entry\":") + 8, altered.length() - 1);
        byte[] leaf = Rfc9162.leafHash(CanonicalJson.toBytes(Json.mapper().readTree(event)));
        lines.set(
                9,
                altered.replaceFirst(
                        "\"leafHash\":\"[^\"]+\"",
                        "\"leafHash\":\"" + Base64.getEncoder().encodeToString(leaf) + "\""));
        Result r = verify(lines);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ROOT_MISMATCH: entry 7 or a later one up to entry 19 differs");
    }

    @Test
    void removedInsertedAndReorderedEntriesAreNamed() throws Exception {
        List<String> tampered = new ArrayList<>(lines);
        tampered.remove(12);
        tampered.add(3, lines.get(2));
        String five = tampered.get(6);
        tampered.set(6, tampered.get(7));
        tampered.set(7, five);
        Result r = verify(tampered);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("INSERTED: entry 2 repeats an index already read (line 4)")
                .contains("REORDERED: entry 5 comes after entry 6 (line 8)")
                .contains("MISSING: entry 12 is missing");
    }

    @Test
    void aCorruptedLineIsNamedAndFailsTheRun() throws Exception {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(2, tampered.get(2).substring(0, 40));
        Result r = verify(tampered);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("MALFORMED: is not an export entry").contains("(line 3)");
    }

    @Test
    void aTruncatedExportMissesWhatTheCheckpointsSigned() throws Exception {
        Result r = verify(lines.subList(0, 15));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("MISSING: entry 15 is missing");
    }

    @Test
    void checkpointsOfAnotherKeyCannotVouchForAnything() throws Exception {
        Files.writeString(key, SigningKey.generate().publicKeyPem());
        Result r = verify(lines);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no valid signed checkpoint");
    }

    private Result verify(List<String> content) throws Exception {
        Files.write(export, content, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(
                "--export", export.toString(), "--checkpoints", checkpoints.toString(), "--key", key.toString());
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {}
}
