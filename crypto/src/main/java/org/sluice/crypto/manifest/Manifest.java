package org.sluice.crypto.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sluice.events.delivery.PackageFormat;

/**
 * What a partner receives with a package, signed by the gateway: which transfer and dataset it is, the size
 * and SHA-256 of the plaintext and of the package, and the decision that let it leave. Serialised as RFC 8785
 * canonical JSON; the package's header and body have separate digests because re-sealing for a partner
 * rewrites only the header, while the body digest is computed once, at upload.
 *
 * @param schema {@link #SCHEMA}
 * @param transferId the transfer
 * @param packageId the package
 * @param partnerId the addressee
 * @param dataset the dataset the payload belongs to
 * @param plaintext size and digest of the payload as submitted
 * @param pkg size and digests of the encrypted package as served (JSON name {@code package})
 * @param decision the approval the package was sealed under
 * @param sealedAt when the package was sealed
 * @param expiresAt when the package expires if not fetched
 * @param issuer the gateway that sealed and signed it
 * @param auditReceipt the audit log's receipt of the approving decision, when the gateway obtained one
 *     before sealing (absent from the JSON otherwise, so manifests without one keep their exact bytes)
 */
public record Manifest(
        String schema,
        String transferId,
        String packageId,
        String partnerId,
        DatasetRef dataset,
        PlaintextRef plaintext,
        @JsonProperty("package") PackageRef pkg,
        DecisionRef decision,
        Instant sealedAt,
        Instant expiresAt,
        String issuer,
        @JsonInclude(JsonInclude.Include.NON_NULL) AuditReceipt auditReceipt) {

    /** The schema identifier of this version of the manifest. */
    public static final String SCHEMA = "https://sluice.example/manifest/v1";

    @JsonCreator
    public Manifest {
        require(schema, "schema");
        require(transferId, "transferId");
        require(packageId, "packageId");
        require(partnerId, "partnerId");
        require(dataset, "dataset");
        require(plaintext, "plaintext");
        require(pkg, "package");
        require(decision, "decision");
        require(sealedAt, "sealedAt");
        require(expiresAt, "expiresAt");
        require(issuer, "issuer");
    }

    /** A manifest without an audit receipt. */
    public Manifest(
            String schema,
            String transferId,
            String packageId,
            String partnerId,
            DatasetRef dataset,
            PlaintextRef plaintext,
            PackageRef pkg,
            DecisionRef decision,
            Instant sealedAt,
            Instant expiresAt,
            String issuer) {
        this(
                schema,
                transferId,
                packageId,
                partnerId,
                dataset,
                plaintext,
                pkg,
                decision,
                sealedAt,
                expiresAt,
                issuer,
                null);
    }

    /** The same manifest carrying an audit receipt. */
    public Manifest withAuditReceipt(AuditReceipt receipt) {
        return new Manifest(
                schema,
                transferId,
                packageId,
                partnerId,
                dataset,
                plaintext,
                pkg,
                decision,
                sealedAt,
                expiresAt,
                issuer,
                receipt);
    }

    /**
     * @param id dataset id
     * @param title dataset title
     * @param category data category (as in the transfer request)
     * @param format file format, e.g. VCF
     */
    public record DatasetRef(String id, String title, String category, String format) {
        public DatasetRef {
            require(id, "dataset.id");
        }
    }

    /**
     * @param sizeBytes plaintext size
     * @param sha256 hex SHA-256 of the plaintext
     */
    public record PlaintextRef(long sizeBytes, String sha256) {
        public PlaintextRef {
            require(sha256, "plaintext.sha256");
        }
    }

    /**
     * @param format how the package is encrypted
     * @param sizeBytes size of the whole package (header and body)
     * @param headerSha256 hex SHA-256 of the header written for this partner
     * @param bodySha256 hex SHA-256 of the body (the data segments)
     * @param recipientKeyFingerprint {@code sha256:<hex>} of the partner key the package is sealed to
     */
    public record PackageRef(
            PackageFormat format,
            long sizeBytes,
            String headerSha256,
            String bodySha256,
            String recipientKeyFingerprint) {
        public PackageRef {
            require(format, "package.format");
            require(headerSha256, "package.headerSha256");
            require(bodySha256, "package.bodySha256");
            require(recipientKeyFingerprint, "package.recipientKeyFingerprint");
        }
    }

    /**
     * @param decisionId the approval
     * @param outcome APPROVE or APPROVE_WITH_CONDITIONS
     * @param policyDigest digest of the policy bundle that decided
     * @param conditionCodes codes of the conditions attached to the approval
     */
    public record DecisionRef(String decisionId, String outcome, String policyDigest, List<String> conditionCodes) {
        public DecisionRef {
            require(decisionId, "decision.decisionId");
            conditionCodes = conditionCodes == null ? List.of() : List.copyOf(conditionCodes);
        }
    }

    private static void require(Object value, String field) {
        Objects.requireNonNull(value, () -> "manifest field '" + field + "' is required");
    }
}
