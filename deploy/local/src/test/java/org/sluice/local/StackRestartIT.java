package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sluice.embedded.FreePorts;

/**
 * The local stack keeps its data: a stack stopped and started again on the same state directory still
 * has its transfers, packages, review cases, audit log and checkpoints, loads the demo data only once,
 * keeps its keys owner-only, and {@code verify} of the audit log passes across the restart.
 */
class StackRestartIT {

    @Test
    void aRestartedStackHasEverythingItHadAndItsAuditLogVerifies() throws Exception {
        Path root = Path.of(System.getProperty("sluice.root", "../.."))
                .toAbsolutePath()
                .normalize();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, FreePorts.pick());
        }
        StackOptions options = StackOptions.defaults(root)
                .withPorts(ports)
                .withStateDirectory(Path.of("target", "restart-stack").toAbsolutePath())
                .withFresh(true);
        byte[] vcf = Demo.vcf();

        String sealed;
        String reviewed;
        String decisionBefore;
        List<String> trailBefore;
        long treeSizeBefore;
        try (LocalStack stack = LocalStack.start(options)) {
            Api api = new Api(stack);
            sealed = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);
            reviewed = api.submit("SUBMITTER_RIVM", Demo.firstTransferToKarolinska(vcf), vcf);
            decisionBefore = api.awaitState("SUBMITTER_UMCU", sealed, List.of("SEALED"))
                    .path("decision")
                    .path("decisionId")
                    .asText();
            api.awaitState("SUBMITTER_RIVM", reviewed, List.of("IN_REVIEW"));
            trailBefore = Api.types(api.awaitTrail(sealed, List.of("TransferDecided", "PackageSealed")));
            treeSizeBefore = Api.json(api.as(Service.AUDIT, "ANALYST").get("/api/v1/audit/checkpoints/latest"))
                    .path("treeSize")
                    .asLong();
        }

        try (LocalStack stack = LocalStack.start(options.withFresh(false))) {
            Api api = new Api(stack);
            JsonNode status = Api.json(api.as(Service.GATEWAY, "SUBMITTER_UMCU").get("/api/v1/transfers/" + sealed));
            assertThat(status.path("state").asText()).isEqualTo("SEALED");
            assertThat(status.path("decision").path("decisionId").asText()).isEqualTo(decisionBefore);
            JsonNode packages =
                    Api.json(api.as(Service.GATEWAY, "PARTNER_CHARITE").get("/api/v1/partner/packages"));
            assertThat(packages.toString()).contains(sealed);
            assertThat(Api.json(api.as(Service.GATEWAY, "SUBMITTER_RIVM").get("/api/v1/transfers/" + reviewed))
                            .path("state")
                            .asText())
                    .isEqualTo("IN_REVIEW");
            assertThat(Api.json(api.as(Service.POLICY, "REVIEWER").get("/api/v1/reviews"))
                            .toString())
                    .contains(reviewed);
            assertThat(Api.types(api.awaitTrail(sealed, List.of("PackageSealed"))))
                    .isEqualTo(trailBefore);
            assertThat(Api.json(api.as(Service.AUDIT, "ANALYST").get("/api/v1/audit/checkpoints/latest"))
                            .path("treeSize")
                            .asLong())
                    .isGreaterThanOrEqualTo(treeSizeBefore);

            // new work goes on where the old left off, under the same keys
            String after = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);
            api.awaitState("SUBMITTER_UMCU", after, List.of("SEALED"));

            assertThat(verifyAuditLog(root, stack)).as("exit code of verify").isZero();
        }

        Path state = options.stateDirectory();
        for (Path secret : ownerOnlyFiles(state)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .as(secret.toString())
                    .isEqualTo("rw-------");
        }
    }

    /** Runs the transparency module's verify jar against the stack's database, as an operator would. */
    private static int verifyAuditLog(Path root, LocalStack stack) throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> files = Files.list(root.resolve("transparency/target"))) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-verify.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the transparency module first"));
        }
        Path log = Path.of("target", "restart-verify.log").toAbsolutePath();
        Process verify = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--jdbc",
                        stack.jdbcUrl(),
                        "--user",
                        "postgres",
                        "--key",
                        stack.stateDirectory()
                                .resolve("keys/audit-checkpoint.pub.pem")
                                .toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(verify.waitFor(2, TimeUnit.MINUTES)).as("verify finished").isTrue();
        return verify.exitValue();
    }

    private static List<Path> ownerOnlyFiles(Path state) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> keys = Files.list(state.resolve("keys"))) {
            keys.forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files;
    }
}
