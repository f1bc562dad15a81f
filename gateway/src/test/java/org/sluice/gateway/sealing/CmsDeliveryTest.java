package org.sluice.gateway.sealing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.events.decision.Outcome;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.GatewayTestResource;
import org.sluice.gateway.Sha256;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;

/** A partner that cannot run Crypt4GH receives CMS AuthEnvelopedData that {@code openssl cms -decrypt} reads. */
@QuarkusTest
@EnabledIf("opensslAvailable")
class CmsDeliveryTest {

    @Test
    void aCmsPartnersPackageDecryptsWithOpenssl() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-keys", "cms-" + UUID.randomUUID()));
        run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "30",
                "-subj",
                "/CN=p-cms",
                "-keyout",
                "key.pem",
                "-out",
                "cert.pem");
        String partner = "p-cms-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of(
                        "institution", "Lab without Crypt4GH",
                        "country", "DE",
                        "status", "ACTIVE",
                        "profitStatus", "NOT_FOR_PROFIT",
                        "deliveryFormat", "CMS",
                        "keys",
                                List.of(Map.of(
                                        "keyId", "cms-2026",
                                        "publicKey",
                                                Files.readString(dir.resolve("cert.pem"), StandardCharsets.US_ASCII),
                                        "validFrom", "2026-01-01",
                                        "validUntil", "2031-12-31"))))
                .put("/api/v1/admin/partners/" + partner)
                .then()
                .statusCode(201)
                .body("keys[0].format", org.hamcrest.Matchers.equalTo("CMS"));
        byte[] payload = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        String id = GatewayApi.staged(partner, "DE", payload);

        GatewayApi.decide(id, partner, "DE", Outcome.APPROVE);

        var status = GatewayApi.awaitState(UMCU, id, "SEALED");
        assertThat(status.getString("package.format")).isEqualTo("CMS");
        String packageId = status.getString("package.packageId");
        byte[] cms = given().auth()
                .oauth2(Tokens.partner(partner))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Files.write(dir.resolve("package.cms"), cms);
        run(
                dir,
                "openssl",
                "cms",
                "-decrypt",
                "-inform",
                "DER",
                "-in",
                "package.cms",
                "-recip",
                "cert.pem",
                "-inkey",
                "key.pem",
                "-out",
                "plain.vcf");
        assertThat(Files.readAllBytes(dir.resolve("plain.vcf"))).isEqualTo(payload);

        byte[] manifestJson = given().auth()
                .oauth2(Tokens.partner(partner))
                .get("/api/v1/partner/packages/" + packageId + "/manifest")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Manifest manifest = ManifestVerifier.trusting(
                        GatewayTestResource.signingKey().publicKey())
                .verify(manifestJson);
        assertThat(manifest.pkg().sizeBytes()).isEqualTo(cms.length);
        assertThat(manifest.pkg().bodySha256()).isEqualTo(Sha256.hex(cms));
        assertThat(manifest.plaintext().sha256()).isEqualTo(Sha256.hex(payload));
    }

    static boolean opensslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
