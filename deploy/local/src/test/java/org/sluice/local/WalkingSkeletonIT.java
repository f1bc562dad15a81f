package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.crypto.manifest.PackageVerifier;
import org.sluice.crypto.sign.SigningKey;

/** Issue 3's walking skeleton, end to end through HTTP and the real broker: what the README tour shows. */
@ExtendWith(StackExtension.class)
class WalkingSkeletonIT {

    @Test
    void aVcfForChariteIsApprovedSealedDownloadedDecryptedAndAuditedOnce(LocalStack stack) throws Exception {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);

        JsonNode status = api.awaitState("SUBMITTER_UMCU", transferId, List.of("SEALED", "DENIED", "IN_REVIEW"));
        assertThat(status.path("state").asText()).as(status.toPrettyString()).isEqualTo("SEALED");
        assertThat(status.at("/decision/outcome").asText()).isEqualTo("APPROVE");
        String packageId = status.at("/package/packageId").asText();

        JsonNode packages = Api.json(api.as(Service.GATEWAY, "PARTNER_CHARITE").get("/api/v1/partner/packages"));
        assertThat(packages.findValuesAsText("packageId")).contains(packageId);
        byte[] manifestJson = api.as(Service.GATEWAY, "PARTNER_CHARITE")
                .get("/api/v1/partner/packages/" + packageId + "/manifest")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] c4gh = api.as(Service.GATEWAY, "PARTNER_CHARITE")
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        Manifest manifest =
                ManifestVerifier.trusting(gatewaySigningKey(stack).publicKey()).verify(manifestJson);
        assertThat(manifest.transferId()).isEqualTo(transferId);
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        PackageVerifier.verify(new ByteArrayInputStream(c4gh), manifest, Demo.partnerKey("p-charite"), plaintext);
        assertThat(plaintext.toByteArray()).isEqualTo(vcf);

        api.as(Service.GATEWAY, "PARTNER_CHARITE")
                .contentType("application/json")
                .body("{\"sha256\":\"" + Demo.sha256(plaintext.toByteArray()) + "\"}")
                .post("/api/v1/partner/packages/" + packageId + "/ack")
                .then()
                .statusCode(200);
        api.awaitState("SUBMITTER_UMCU", transferId, List.of("ACKNOWLEDGED"));

        List<String> lifecycle = List.of(
                "TransferRequested", "TransferDecided", "PackageSealed", "PackageFetched", "PackageAcknowledged");
        JsonNode trail = api.awaitTrail(transferId, lifecycle);
        assertThat(Api.types(trail)).containsExactlyElementsOf(lifecycle);
        assertThat(trail.findValuesAsText("eventId")).doesNotHaveDuplicates();
    }

    @Test
    void aTransferToAnEmbargoedDestinationIsDeniedWithItsReasonsAndNeverPackaged(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", Demo.requestToTehran(vcf), vcf);

        JsonNode status = api.awaitState("SUBMITTER_UMCU", transferId, List.of("DENIED", "SEALED", "IN_REVIEW"));
        assertThat(status.path("state").asText()).isEqualTo("DENIED");
        assertThat(status.at("/decision/reasons").findValuesAsText("code")).contains("EMBARGOED_DESTINATION");
        status.at("/decision/reasons").forEach(reason -> {
            assertThat(reason.path("ruleId").asText()).isNotBlank();
            assertThat(reason.path("citation").asText()).isNotBlank();
            assertThat(reason.path("explanation").asText()).isNotBlank();
        });
        assertThat(status.path("package").isMissingNode()
                        || status.path("package").isNull())
                .isTrue();

        JsonNode packages = Api.json(api.as(Service.GATEWAY, "PARTNER_TEHRAN").get("/api/v1/partner/packages"));
        assertThat(packages.findValuesAsText("transferId")).doesNotContain(transferId);

        JsonNode trail = api.awaitTrail(transferId, List.of("TransferRequested", "TransferDecided"));
        assertThat(Api.types(trail)).containsExactly("TransferRequested", "TransferDecided");
    }

    @Test
    void anotherInstitutionsTransferAndAnotherPartnersPackageAreNotFound(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);
        api.as(Service.GATEWAY, "SUBMITTER_LUMC")
                .get("/api/v1/transfers/" + transferId)
                .then()
                .statusCode(404);
        JsonNode status = api.awaitState("SUBMITTER_UMCU", transferId, List.of("SEALED"));
        api.as(Service.GATEWAY, "PARTNER_BROAD")
                .get("/api/v1/partner/packages/"
                        + status.at("/package/packageId").asText())
                .then()
                .statusCode(404);
    }

    static SigningKey gatewaySigningKey(LocalStack stack) {
        try {
            return SigningKey.fromPem(Files.readString(
                    stack.stateDirectory().resolve("keys/gateway-signing.pem"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.sluice.crypto.sign.SignatureException e) {
            throw new IllegalStateException(e);
        }
    }
}
