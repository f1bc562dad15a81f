package org.sluice.policy.bundle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.events.policy.PolicyBundleActivated;
import org.sluice.policy.World;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/** Bundles are uploaded as zip archives, verified, activated by an admin; a bad one leaves the active one alone. */
@QuarkusTest
class BundleAdminTest {

    private static final BundleSource DEFAULT = BundleSource.fromClasspath("bundles/default");

    @Test
    void aBundleWithATypeErrorIsRejectedWithFileAndLineAndTheActiveOneStays() throws IOException {
        World.seed();
        String activeBefore = activeDigest();
        Map<String, String> files = new HashMap<>(DEFAULT.files());
        files.put("rules/extra.yaml", """
                rules:
                  - id: extra.typo
                    code: EXTRA
                    title: Broken
                    effect: DENY
                    citation: none
                    when: "size(countries) > 'two'"
                    explanation: x
                    remediation: y
                    override: NONE
                """);

        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/zip")
                .body(zip(files))
                .post("/api/v1/admin/bundles")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/bundle-rejected"))
                .body("errors[0].field", equalTo("rules/extra.yaml:7"))
                .body("errors[0].message", startsWith("rule 'extra.typo' 'when': type error"));

        assertThat(activeDigest()).isEqualTo(activeBefore);
    }

    @Test
    void aVerifiedBundleIsActivatedAnnouncedAndItsSunsetsListed() throws IOException {
        World.seed();
        String original = activeDigest();
        LocalDate sunset = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60);
        Map<String, String> files = new HashMap<>(DEFAULT.files());
        files.put(
                "bundle.yaml",
                DEFAULT.files().get("bundle.yaml").replace("version: \"2026.11.1\"", "version: \"2026.11.2-test\""));
        files.put("rules/extra.yaml", """
                rules:
                  - id: extra.sunset
                    code: TEMPORARY_MEASURE
                    title: A temporary measure
                    effect: APPROVE
                    citation: Temporary institutional measure
                    when: "false"
                    explanation: x
                    remediation: y
                    override: ONE_REVIEWER
                    validUntil: %s
                """.replace("%s", sunset.toString()));
        String digest = given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/zip")
                .body(zip(files))
                .post("/api/v1/admin/bundles")
                .then()
                .statusCode(201)
                .body("bundle.version", equalTo("2026.11.2-test"))
                .extract()
                .path("bundle.digest");
        try {
            given().auth()
                    .oauth2(Tokens.admin())
                    .post("/api/v1/admin/bundles/" + digest + "/activation")
                    .then()
                    .statusCode(200)
                    .body("bundle.digest", equalTo(digest));

            var records = KafkaTestClient.ofTestBroker()
                    .readUntil(
                            Topic.POLICY_CHANGES.topicName(),
                            r -> r.event().data() instanceof PolicyBundleActivated a
                                    && a.bundle().digest().equals(digest),
                            Duration.ofSeconds(30));
            PolicyBundleActivated activated =
                    records.get(records.size() - 1).event().dataAs(PolicyBundleActivated.class);
            assertThat(activated.previousDigest()).isEqualTo(original);
            assertThat(activated.testCases()).isEqualTo(DEFAULT_TESTS);

            given().auth()
                    .oauth2(Tokens.reviewer("rita@eco"))
                    .get("/api/v1/policy/rules?sunsetWithin=P90D")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(List.of("extra.sunset")))
                    .body("validUntil", hasItem(sunset.toString()));
            given().auth()
                    .oauth2(Tokens.reviewer("rita@eco"))
                    .get("/api/v1/policy/rules?sunsetWithin=P30D")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));
        } finally {
            given().auth()
                    .oauth2(Tokens.admin())
                    .post("/api/v1/admin/bundles/" + original + "/activation")
                    .then()
                    .statusCode(200);
        }
        assertThat(activeDigest()).isEqualTo(original);
    }

    @Test
    void anUnknownDigestIsNotFoundAndOnlyAdminsManageBundles() {
        given().auth()
                .oauth2(Tokens.admin())
                .post("/api/v1/admin/bundles/sha256:00/activation")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.reviewer("rita@eco"))
                .contentType("application/zip")
                .body(new byte[] {1})
                .post("/api/v1/admin/bundles")
                .then()
                .statusCode(403);
    }

    private static final int DEFAULT_TESTS = (int) DEFAULT.files()
            .get("tests/cases.yaml")
            .lines()
            .filter(l -> l.startsWith("  - "))
            .count();

    private static String activeDigest() {
        return given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/bundles/active")
                .then()
                .statusCode(200)
                .extract()
                .path("bundle.digest");
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("default/" + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
