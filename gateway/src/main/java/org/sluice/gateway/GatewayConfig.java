package org.sluice.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the gateway ({@code sluice.gateway.*}); every key is documented in docs/operations/gateway.md. */
@ConfigMapping(prefix = "sluice.gateway")
public interface GatewayConfig {

    /** ISO 3166-1 alpha-2 code of the gateway's home jurisdiction, e.g. {@code NL}. */
    @WithDefault("NL")
    String homeCountry();

    /** Where staged payloads live. */
    StoreConfig store();

    /** The gateway's own Crypt4GH key, to which every upload is encrypted while it waits for a decision. */
    StagingKeyConfig stagingKey();

    /** The Ed25519 key that signs manifests. */
    SigningConfig signing();

    /** Sizes the gateway accepts. */
    LimitsConfig limits();

    /** How much payload each institution may keep in the gateway at once. */
    QuotaConfig quota();

    /** The policy service, asked for prechecks and relayed licence applications. */
    PolicyConfig policy();

    /** Sealed packages. */
    PackagesConfig packages();

    /** The audit service, asked for the receipt of each approval that goes into the manifest. */
    AuditConfig audit();

    /** The submitter portal ({@code /portal/}). */
    PortalConfig portal();

    interface StoreConfig {
        /** Which store holds staged payloads and packages: {@code filesystem} (one host) or {@code s3} (shared). */
        @WithDefault("filesystem")
        StoreKind kind();

        /** Directory of the filesystem payload store; created if missing. */
        Path directory();

        /** The S3-compatible payload store, used when the kind is {@code s3}. */
        S3StoreConfig s3();
    }

    /** The payload stores the gateway can use. */
    enum StoreKind {
        FILESYSTEM,
        S3
    }

    interface S3StoreConfig {
        /** Bucket of the store; it must exist. Required when the kind is {@code s3}. */
        Optional<String> bucket();

        /** Prefix of every key the gateway writes, ending with {@code /}, e.g. {@code sluice/umcu/}; none by default. */
        Optional<String> prefix();

        /** Endpoint of an S3-compatible service, e.g. {@code https://minio.internal:9000}; AWS's when unset. */
        Optional<URI> endpoint();

        /** Region the requests are signed for. */
        @WithDefault("us-east-1")
        String region();

        /** Path-style addressing ({@code https://host/bucket/key}), which most S3-compatible servers need. */
        @WithDefault("false")
        boolean pathStyle();

        /** Access key id; when unset with the secret, the SDK's default chain (environment, profile, instance role). */
        Optional<String> accessKeyId();

        /** Secret access key, from a Secret; never logged. */
        Optional<String> secretAccessKey();

        /**
         * Size of each multipart-upload part, at least 5 MiB: the memory each upload in progress buffers, and
         * a ten-thousandth of the largest object (16 MiB holds 156 GiB).
         */
        @WithDefault("16777216")
        int partBytes();
    }

    interface StagingKeyConfig {
        /** Path of the Crypt4GH secret key file ({@code -----BEGIN CRYPT4GH PRIVATE KEY-----}). */
        Path file();

        /** Passphrase of the key file, if it is protected; never logged. */
        Optional<String> passphrase();
    }

    interface SigningConfig {
        /** Path of the Ed25519 private key (PKCS#8 PEM) that signs manifests. */
        Path keyFile();

        /** Name written as the manifests' issuer, e.g. {@code sluice-gateway.umcu.nl}. */
        String issuer();

        /**
         * Public keys (Ed25519 SubjectPublicKeyInfo PEM files) of signing keys rotated out: no longer used to
         * sign, still served at {@code GET /api/v1/keys} so manifests they signed keep verifying.
         */
        Optional<List<Path>> retiredPublicKeys();
    }

    interface LimitsConfig {
        /** Largest payload a transfer may declare and upload, in bytes. */
        @WithDefault("107374182400")
        long maxPayloadBytes();

        /**
         * How long a resumable upload may sit idle before it is discarded with what it received; until then
         * it survives restarts and any replica continues it.
         */
        @WithDefault("PT1H")
        Duration uploadIdleTimeout();
    }

    interface QuotaConfig {
        /**
         * Bytes of payload an institution may have declared, staged or awaiting delivery at once (purged
         * transfers do not count), unless {@link #institutions()} names it.
         */
        @WithDefault("1099511627776")
        long defaultBytes();

        /** Quotas of named institutions, e.g. {@code sluice.gateway.quota.institutions."i-umcu"=5497558138880}. */
        Map<String, Long> institutions();

        /** The quota of an institution. */
        default long of(String institution) {
            return institutions().getOrDefault(institution, defaultBytes());
        }
    }

    interface PolicyConfig {
        /** Base URL of the policy service, e.g. {@code http://localhost:8081}. */
        URI url();

        /** How long a precheck or a relayed licence application call may wait for the policy service. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface PortalConfig {
        /** Sign-in through an OpenID Connect provider; the pasted token is always possible too. */
        PortalOidcConfig oidc();
    }

    /**
     * The portal's authorization-code flow with PKCE (a public client: no secret). Enabled when the authorization
     * endpoint, the token endpoint and the client id are all set. The provider's access tokens must be JWTs the
     * gateway trusts ({@code mp.jwt.verify.*}) with the {@code submitter} role and the {@code institution} claim.
     */
    interface PortalOidcConfig {
        /** The provider's authorization endpoint, e.g. {@code https://idp.example.org/realms/sluice/protocol/openid-connect/auth}. */
        Optional<URI> authorizationEndpoint();

        /**
         * The provider's token endpoint, which the page calls with the code and its verifier; the portal's
         * Content-Security-Policy allows it in {@code connect-src}.
         */
        Optional<URI> tokenEndpoint();

        /** The client id registered for the portal, with {@code $GATEWAY/portal/} as its redirect URI. */
        Optional<String> clientId();

        /** The scopes asked for, space-separated. */
        @WithDefault("openid")
        String scope();
    }

    interface AuditConfig {
        /**
         * Base URL of the audit service, e.g. {@code http://localhost:8082}; unset, approvals are sealed at once
         * and manifests carry no audit receipt.
         */
        Optional<URI> url();

        /**
         * Bearer token the gateway presents to the audit service; it needs a role that may read receipts of
         * decisions ({@code security-analyst}). Never logged.
         */
        Optional<String> token();

        /**
         * How long an approval waits for its receipt (until a signed checkpoint covers the decision) before it
         * is sealed without one.
         */
        @WithDefault("PT2M")
        Duration receiptWait();

        /** How often pending receipts are asked for; the scheduler reads it as {@code sluice.gateway.audit.poll-interval}. */
        @WithDefault("5s")
        Duration pollInterval();

        /** How long one request to the audit service may take (beyond the long poll it asks for). */
        @WithDefault("10s")
        Duration timeout();

        /**
         * How long the receipt request made as an approval starts waiting asks the audit service to hold it until
         * a checkpoint covers the approval ({@code wait}), so the receipt arrives the moment it is signed;
         * {@code PT0S} asks once without waiting and leaves it to the {@code CheckpointSigned} announcement.
         */
        @WithDefault("PT5S")
        Duration longPoll();

        /**
         * How many such held requests may be open at once; an approval beyond them is asked for when the next
         * {@code CheckpointSigned} arrives.
         */
        @WithDefault("8")
        int longPolls();

        /** The audit log's origin line, as its checkpoints name it. */
        @WithDefault("sluice.example/audit")
        String origin();

        /**
         * The audit log's Ed25519 public key (PEM, as served at {@code GET /api/v1/audit/checkpoints/key}); when set,
         * a receipt's checkpoint signature is checked too before it goes into a manifest.
         */
        Optional<Path> logPublicKey();
    }

    interface PackagesConfig {
        /** How long a package stays fetchable when its approval names no end of validity. */
        @WithDefault("P30D")
        Duration defaultValidity();

        /**
         * How often expired packages and held approvals whose validity ended are purged, and held approvals
         * retried (a key that became valid by date); the scheduler reads it as {@code sluice.gateway.packages.housekeeping-interval}.
         */
        @WithDefault("1m")
        Duration housekeepingInterval();
    }
}
