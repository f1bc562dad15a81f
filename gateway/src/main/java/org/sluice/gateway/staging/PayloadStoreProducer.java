package org.sluice.gateway.staging;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;
import org.sluice.gateway.GatewayConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Makes the configured payload store ({@code sluice.gateway.store.kind}: the filesystem store by default,
 * or an S3-compatible bucket), at startup so a bad one stops the service.
 */
public class PayloadStoreProducer {

    @Produces
    @Startup
    @ApplicationScoped
    PayloadStore payloadStore(GatewayConfig config) {
        GatewayConfig.StoreConfig store = config.store();
        try {
            return switch (store.kind()) {
                case FILESYSTEM -> new FilesystemPayloadStore(store.directory());
                case S3 -> s3(store.s3(), config.limits().maxPayloadBytes());
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + store.kind() + " payload store: " + e.getMessage(), e);
        }
    }

    void close(@Disposes PayloadStore store) {
        if (store instanceof S3PayloadStore s3) {
            s3.close();
        }
    }

    private static S3PayloadStore s3(GatewayConfig.S3StoreConfig s3, long maxPayloadBytes) throws IOException {
        String bucket = s3.bucket()
                .orElseThrow(() -> new IllegalStateException(
                        "sluice.gateway.store.s3.bucket is required when sluice.gateway.store.kind is s3"));
        if (s3.partBytes() < S3PayloadStore.MIN_PART_BYTES) {
            throw new IllegalStateException("sluice.gateway.store.s3.part-bytes must be at least "
                    + S3PayloadStore.MIN_PART_BYTES + ", not " + s3.partBytes());
        }
        long largest = Crypt4ghWriter.bodyLength(maxPayloadBytes) + 64 * 1024; // a staged object: header and body
        if ((long) S3PayloadStore.MAX_PARTS * s3.partBytes() < largest) {
            throw new IllegalStateException("sluice.gateway.store.s3.part-bytes " + s3.partBytes() + " times "
                    + S3PayloadStore.MAX_PARTS + " parts cannot hold sluice.gateway.limits.max-payload-bytes "
                    + maxPayloadBytes + " once encrypted; raise the part size");
        }
        S3ClientBuilder client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(credentials(s3));
        s3.endpoint().ifPresent(client::endpointOverride);
        S3Client built = client.build();
        try {
            return new S3PayloadStore(built, bucket, s3.prefix().orElse(""), s3.partBytes());
        } catch (IOException | RuntimeException e) {
            built.close();
            throw e;
        }
    }

    private static AwsCredentialsProvider credentials(GatewayConfig.S3StoreConfig s3) {
        if (s3.accessKeyId().isPresent() != s3.secretAccessKey().isPresent()) {
            throw new IllegalStateException("sluice.gateway.store.s3.access-key-id and secret-access-key go together");
        }
        if (s3.accessKeyId().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    s3.accessKeyId().get(), s3.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
