package org.sluice.gateway.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server in this JVM: Adobe S3Mock (a Spring Boot application serving the S3 REST
 * API over HTTP, objects kept as files under {@link #root()}), with one bucket.
 */
public final class S3Server implements AutoCloseable {

    /** The bucket the server starts with. */
    public static final String BUCKET = "sluice-payloads";

    private final S3MockApplication server;
    private final Path root;

    private S3Server(S3MockApplication server, Path root) {
        this.server = server;
        this.root = root;
    }

    /** Starts a server on a free port, storing under a fresh folder of {@code target/}. */
    public static S3Server start() throws IOException {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "s3-");
        // S3Mock must not take over java.util.logging, which the Quarkus code of this JVM logs through
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Tomcat installs its URL handler factory once per JVM; a second server from another class loader (the
        // Quarkus tests' and the plain tests' S3Mock in one surefire JVM) would fail with "factory already defined"
        org.apache.catalina.webresources.TomcatURLStreamHandlerFactory.disable();
        S3MockApplication server = S3MockApplication.start(new java.util.HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT,
                S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT,
                S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_INITIAL_BUCKETS,
                BUCKET,
                S3MockApplication.PROP_ROOT_DIRECTORY,
                root.toAbsolutePath().toString(),
                S3MockApplication.PROP_SILENT,
                true,
                "com.adobe.testing.s3mock.region",
                "us-east-1",
                "spring.main.banner-mode",
                "off",
                "spring.jmx.enabled",
                false))); // a mutable map: S3Mock edits it
        return new S3Server(server, root);
    }

    /** The plain-HTTP endpoint. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getHttpPort());
    }

    /** Where the server keeps what it stores, to look at what rests there. */
    public Path root() {
        return root;
    }

    /** A client of the server, as the gateway configures its own (path style; S3Mock accepts any key). */
    public S3Client client() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sluice", "secret")))
                .build();
    }

    /** The gateway's configuration for this server. */
    public Map<String, String> gatewayConfig() {
        return Map.of(
                "sluice.gateway.store.kind", "s3",
                "sluice.gateway.store.s3.bucket", BUCKET,
                "sluice.gateway.store.s3.endpoint", endpoint().toString(),
                "sluice.gateway.store.s3.path-style", "true",
                "sluice.gateway.store.s3.access-key-id", "sluice",
                "sluice.gateway.store.s3.secret-access-key", "secret");
    }

    @Override
    public void close() {
        server.stop();
    }
}
