package org.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.sluice.events.decision.Outcome;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.Json;
import org.sluice.transparency.merkle.CompactRange;
import org.sluice.transparency.merkle.NodeId;
import org.sluice.transparency.merkle.ProofBuilder;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * The security console checks proofs in the browser; this runs its script, unchanged, under Node's
 * WebCrypto and compares it with the Java reference: the same canonical bytes and leaf hash for an event,
 * the same roots from inclusion proofs, and a rejected proof when it is tampered with.
 */
@EnabledIf("nodeIsInstalled")
class ConsoleScriptTest {

    @Test
    void theConsoleCanonicalisesHashesAndWalksProofsExactlyAsTheLogDoes() throws Exception {
        var event = AuditEvents.event(
                AuditEvents.SUBMITTER,
                AuditEvents.decided("tr-\u00e9\u4e2d\"quote\\", "i-umcu", "DE", Outcome.DENY, "DENIED_PARTY"));
        byte[] canonical = new EventCodec().encode(event);

        java.util.Map<NodeId, byte[]> nodes = new java.util.HashMap<>();
        CompactRange tree = CompactRange.empty();
        for (int i = 0; i < 37; i++) {
            byte[] leaf = Rfc9162.leafHash(new byte[] {(byte) i});
            long index = tree.append(leaf, n -> nodes.put(n.id(), n.hash()));
            nodes.put(new NodeId(0, index), leaf);
        }
        ProofBuilder builder = new ProofBuilder(nodes::get);
        ObjectNode input = Json.mapper().createObjectNode();
        input.set("event", Json.mapper().readTree(canonical));
        ArrayNode proofs = input.putArray("proofs");
        List<String> expected = new ArrayList<>();
        for (int size : new int[] {1, 5, 8, 37}) {
            for (int index = 0; index < size; index += 3) {
                ObjectNode p = proofs.addObject();
                p.put("index", index).put("size", size);
                p.put("leafHash", b64(nodes.get(new NodeId(0, index))));
                ArrayNode path = p.putArray("proof");
                builder.inclusion(index, size).forEach(h -> path.add(b64(h)));
                expected.add(b64(builder.root(size)));
            }
        }
        ObjectNode tampered = proofs.addObject();
        tampered.put("index", 2).put("size", 37).put("leafHash", b64(nodes.get(new NodeId(0, 3))));
        ArrayNode path = tampered.putArray("proof");
        builder.inclusion(2, 37).forEach(h -> path.add(b64(h)));

        JsonNode out = run(input);
        assertThat(out.get("canonical").asText()).isEqualTo(new String(canonical, StandardCharsets.UTF_8));
        assertThat(out.get("leafHash").asText()).isEqualTo(b64(Rfc9162.leafHash(canonical)));
        List<String> roots = new ArrayList<>();
        out.get("roots").forEach(r -> roots.add(r.asText()));
        assertThat(roots.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(roots.get(roots.size() - 1)).isNotEqualTo(b64(builder.root(37)));
    }

    private static JsonNode run(JsonNode input) throws Exception {
        Path in = Files.createTempFile(Path.of("target"), "console-", ".json");
        Files.writeString(in, input.toString());
        Process node = new ProcessBuilder(
                        "node",
                        "src/test/resources/console/harness.mjs",
                        "src/main/resources/META-INF/resources/console/console.js")
                .redirectInput(in.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        return Json.mapper().readTree(output);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static boolean nodeIsInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "node"))) {
                return true;
            }
        }
        return false;
    }
}
