package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's five-minute tour, command for command, with the project's own {@code cli/sluice} against the
 * running stack: precheck, create and upload, wait for SEALED, list, fetch, verify, decrypt and acknowledge as
 * the partner, decrypt again with the passphrase-protected key, the Tehran denial, the review, and the licence
 * application whose grant lets the waiting transfer through.
 */
@ExtendWith(StackExtension.class)
class ReadmeTourIT {

    private static final Path ROOT =
            Path.of(System.getProperty("sluice.root", "../..")).toAbsolutePath().normalize();
    private static final String VCF = "fixtures/data/synthetic-chr20.vcf";

    @Test
    void theTourWorksAsWritten(LocalStack stack) throws Exception {
        Path out = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "tour-")
                .toAbsolutePath();
        Map<String, String> submitter = env(stack, "SUBMITTER_UMCU");

        Run precheck = sluice(
                submitter, "transfer", "precheck", "--request", "cli/examples/request-p-charite.json", "--file", VCF);
        assertThat(precheck.out()).contains("APPROVE").contains("nothing was created");

        String transfer = sluice(
                        submitter,
                        "transfer",
                        "create",
                        "--request",
                        "cli/examples/request-p-charite.json",
                        "--file",
                        VCF,
                        "--upload",
                        "--quiet")
                .out()
                .strip();
        assertThat(transfer).startsWith("tr-");
        assertThat(sluice(submitter, "transfer", "status", transfer, "--wait").out())
                .contains("SEALED");

        Map<String, String> partner = env(stack, "PARTNER_CHARITE");
        String packageId = sluice(partner, "package", "list", "--quiet")
                .out()
                .lines()
                .findFirst()
                .orElseThrow();
        Path plain = out.resolve("chr20.vcf");
        Run fetch = sluice(
                partner,
                "package",
                "fetch",
                packageId,
                "--key",
                "fixtures/keys/p-charite.sec",
                "--audit-key",
                stack.stateDirectory().resolve("keys/audit-checkpoint.pub.pem").toString(),
                "--out",
                plain.toString(),
                "--keep",
                "--ack");
        assertThat(fetch.out() + fetch.err()).contains("signature checked");
        byte[] original = Files.readAllBytes(ROOT.resolve(VCF));
        assertThat(Files.readAllBytes(plain)).isEqualTo(original);

        Map<String, String> offline = Map.of("DEMO_PASSPHRASE", "correct horse battery staple");
        Path again = out.resolve("chr20-again.vcf");
        sluice(
                offline,
                "decrypt",
                out.resolve("chr20.vcf.c4gh").toString(),
                "--key",
                "fixtures/keys/p-charite-protected.sec",
                "--passphrase-env",
                "DEMO_PASSPHRASE",
                "--out",
                again.toString());
        assertThat(Files.readAllBytes(again)).isEqualTo(original);

        String denied = sluice(
                        submitter,
                        "transfer",
                        "create",
                        "--request",
                        "cli/examples/request-p-tehran.json",
                        "--file",
                        VCF,
                        "--upload",
                        "--quiet")
                .out()
                .strip();
        assertThat(sluice(submitter, "transfer", "status", denied, "--wait").out())
                .contains("DENIED")
                .contains("EMBARGOED_DESTINATION");

        Map<String, String> rivm = env(stack, "SUBMITTER_RIVM");
        String reviewed = sluice(
                        rivm,
                        "transfer",
                        "create",
                        "--request",
                        "cli/examples/request-rivm-p-karolinska.json",
                        "--file",
                        VCF,
                        "--upload",
                        "--quiet")
                .out()
                .strip();
        assertThat(sluice(rivm, "transfer", "status", reviewed, "--wait").out())
                .contains("IN_REVIEW")
                .contains("FIRST_TRANSFER_TO_PARTNER");
        // the review case travels on its own topic: its deadline shows as soon as the gateway has seen it
        await().atMost(Duration.ofMinutes(1))
                .until(() -> sluice(rivm, "transfer", "status", reviewed).out().contains("deadline"));
        approveAsReviewer(new Api(stack), reviewed);
        assertThat(sluice(rivm, "transfer", "status", reviewed, "--wait").out())
                .contains("SEALED")
                .contains("by REVIEW");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String application = sluice(
                        rivm,
                        "licence",
                        "apply",
                        "--file",
                        "cli/examples/licence-rivm-p-riken.json",
                        "--valid-from",
                        today.toString(),
                        "--valid-until",
                        today.plusYears(1).toString(),
                        "--quiet")
                .out()
                .strip();
        assertThat(sluice(rivm, "licence", "status", application).out())
                .contains("PENDING")
                .contains("HIGH");
        Matcher cited = Pattern.compile("LIC-A-[0-9]*")
                .matcher(
                        sluice(rivm, "licence", "status", application, "--json").out());
        assertThat(cited.find()).as("the application's licence id").isTrue();
        String panel = sluice(
                        rivm,
                        "transfer",
                        "create",
                        "--request",
                        "cli/examples/request-rivm-p-riken.json",
                        "--licence",
                        cited.group(),
                        "--file",
                        "fixtures/data/synthetic-reads.fastq",
                        "--upload",
                        "--quiet")
                .out()
                .strip();
        assertThat(sluice(rivm, "transfer", "status", panel, "--wait").out())
                .contains("DENIED")
                .contains("LICENCE_INVALID");
        Api api = new Api(stack);
        for (String officer : List.of("REVIEWER", "SENIOR_REVIEWER")) {
            api.as(Service.POLICY, officer)
                    .contentType("application/json")
                    .body("{\"vote\": \"APPROVE\", \"justification\": \"End use verified with RIKEN.\"}")
                    .post("/api/v1/licence-applications/" + application + "/votes")
                    .then()
                    .statusCode(200);
        }
        assertThat(sluice(rivm, "licence", "status", application).out()).contains("GRANTED");
        // the grant re-decides the waiting transfer; --wait waits only while one is being decided
        await().atMost(Duration.ofMinutes(1))
                .until(() -> sluice(rivm, "transfer", "status", panel, "--wait")
                        .out()
                        .contains("SEALED"));
    }

    /** What the reviewer does in the console, through the same API: find the case, claim it, approve it. */
    private static void approveAsReviewer(Api api, String transferId) {
        String reviewId = await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> Api.json(api.as(Service.POLICY, "REVIEWER").get("/api/v1/reviews?limit=200"))
                                .path("items")
                                .findParents("transferId")
                                .stream()
                                .filter(c -> c.path("transferId").asText().equals(transferId))
                                .map(c -> c.path("reviewId").asText())
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        api.as(Service.POLICY, "REVIEWER")
                .post("/api/v1/reviews/" + reviewId + "/claim")
                .then()
                .statusCode(200);
        api.as(Service.POLICY, "REVIEWER")
                .contentType("application/json")
                .body("{\"vote\": \"APPROVE\", \"justification\": \"Reference assemblies of a pathogen; partner"
                        + " checked.\"}")
                .post("/api/v1/reviews/" + reviewId + "/decision")
                .then()
                .statusCode(200);
    }

    private static Map<String, String> env(LocalStack stack, String user) {
        return Map.of(
                "SLUICE_GATEWAY",
                stack.uri(Service.GATEWAY).toString(),
                "SLUICE_TOKEN",
                stack.demoTokens().get(user));
    }

    private record Run(String out, String err) {}

    /** Runs {@code cli/sluice} from the project root as the README does; fails on a non-zero exit or a hang. */
    private static Run sluice(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "cli/sluice"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("sluice-out", ".txt");
        Path stderr = Files.createTempFile("sluice-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        Run run = new Run(
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        Files.delete(stdout);
        Files.delete(stderr);
        assertThat(finished)
                .as("sluice %s did not finish in 3 minutes: %s", String.join(" ", args), run)
                .isTrue();
        assertThat(process.exitValue())
                .as("sluice %s: %s", String.join(" ", args), run)
                .isZero();
        return run;
    }
}
