package org.sluice.policy.criteria;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.sluice.policy.World;
import org.sluice.policy.bundle.BundleSource;
import org.sluice.testsupport.Tokens;

/** The published criteria answer anyone, list every rule of the active bundle and every activation. */
@QuarkusTest
class PublicCriteriaTest {

    private static final BundleSource DEFAULT = BundleSource.fromClasspath("bundles/default");

    @Test
    void anyoneWithoutATokenReadsEveryRuleOfTheActiveBundleWithItsCitationAndExplanation() {
        World.seed();
        String body = given().get("/api/v1/public/criteria")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .extract()
                .asString();
        JsonPath criteria = JsonPath.from(body);
        List<Map<String, Object>> rules = given().auth()
                .oauth2(Tokens.reviewer("rita@eco"))
                .get("/api/v1/policy/rules")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath()
                .getList("$");

        assertThat(criteria.getList("rules.id"))
                .isEqualTo(rules.stream().map(r -> r.get("id")).toList());
        assertThat(criteria.getList("rules.citation"))
                .isEqualTo(rules.stream().map(r -> r.get("citation")).toList());
        assertThat(rules).hasSizeGreaterThan(10);
        assertThat(criteria.getList("rules.explanation", String.class))
                .allSatisfy(e -> assertThat(e).isNotBlank());
        assertThat(criteria.getList("rules.title", String.class))
                .allSatisfy(t -> assertThat(t).isNotBlank());
        String digest = criteria.getString("active.digest");
        assertThat(criteria.getString("history[0].digest")).isEqualTo(digest);
        assertThat(criteria.getString("active.activatedAt")).isNotNull();
        // only what is published: no conditions, remedies, tables, tests, nor who activated a bundle
        assertThat(criteria.getMap("rules[0]").keySet())
                .containsExactlyInAnyOrder("id", "title", "citation", "explanation");
        assertThat(criteria.getMap("history[0]").keySet())
                .containsExactlyInAnyOrder("bundleId", "version", "digest", "activatedAt");
        assertThat(body).doesNotContain("system:policy", "activatedBy", "remediation", "\"when\"");
    }

    @Test
    void anActivationIsPublishedInTheHistoryNewestFirst() throws IOException {
        World.seed();
        String original =
                given().get("/api/v1/public/criteria").then().extract().path("active.digest");
        Map<String, String> files = new HashMap<>(DEFAULT.files());
        files.put(
                "bundle.yaml",
                DEFAULT.files()
                        .get("bundle.yaml")
                        .replace("version: \"2026.11.1\"", "version: \"2026.11.3-criteria\""));
        files.put("rules/published.yaml", """
                rules:
                  - id: published.example
                    code: PUBLISHED_EXAMPLE
                    title: A published example
                    effect: APPROVE
                    citation: Institutional policy 7.3
                    when: "false"
                    explanation: An example rule that never matches.
                    remediation: None needed.
                    override: ONE_REVIEWER
                """);
        String digest = given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/zip")
                .body(zip(files))
                .post("/api/v1/admin/bundles")
                .then()
                .statusCode(201)
                .extract()
                .path("bundle.digest");
        Instant before = Instant.now().minusSeconds(1);
        try {
            given().auth()
                    .oauth2(Tokens.admin())
                    .post("/api/v1/admin/bundles/" + digest + "/activation")
                    .then()
                    .statusCode(200);
            JsonPath criteria = given().get("/api/v1/public/criteria")
                    .then()
                    .statusCode(200)
                    .body("active.version", equalTo("2026.11.3-criteria"))
                    .body("history[0].digest", equalTo(digest))
                    .body("history[1].digest", equalTo(original))
                    .extract()
                    .jsonPath();
            assertThat(Instant.parse(criteria.getString("history[0].activatedAt")))
                    .isAfter(before);
            assertThat(criteria.getList("rules.id")).contains("published.example");
            assertThat(criteria.getList("rules.citation")).contains("Institutional policy 7.3");
        } finally {
            given().auth()
                    .oauth2(Tokens.admin())
                    .post("/api/v1/admin/bundles/" + original + "/activation")
                    .then()
                    .statusCode(200);
        }
        given().get("/api/v1/public/criteria")
                .then()
                .statusCode(200)
                .body("active.digest", equalTo(original))
                .body("history[0].digest", equalTo(original))
                .body("history[1].digest", equalTo(digest));
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
