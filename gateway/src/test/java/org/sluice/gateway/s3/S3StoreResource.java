package org.sluice.gateway.s3;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.sluice.gateway.staging.S3PayloadStore;

/**
 * Starts an {@link S3Server} for the Quarkus tests of {@link S3StoreProfile} and points the gateway's payload
 * store at it: kind {@code s3}, a key prefix, and the smallest parts S3 allows, so a payload of a few MiB is
 * already a multipart object.
 */
public class S3StoreResource implements QuarkusTestResourceLifecycleManager {

    /** The key prefix the gateway writes under. */
    public static final String PREFIX = "gw/";

    private static volatile S3Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = S3Server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(server.gatewayConfig());
        config.put("sluice.gateway.store.s3.prefix", PREFIX);
        config.put("sluice.gateway.store.s3.part-bytes", Integer.toString(S3PayloadStore.MIN_PART_BYTES));
        // 10,000 parts of 5 MiB hold 48 GiB; the limit must fit, or the store refuses to start
        config.put("sluice.gateway.limits.max-payload-bytes", Long.toString(40L << 30));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server, to look at what rests in its bucket. */
    public static S3Server server() {
        S3Server running = server;
        if (running == null) {
            throw new IllegalStateException("S3StoreResource has not started");
        }
        return running;
    }
}
