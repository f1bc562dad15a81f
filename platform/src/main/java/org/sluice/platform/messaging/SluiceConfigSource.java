package org.sluice.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.sluice.events.Topic;
import org.sluice.platform.security.Roles;

/**
 * Makes the topic names of {@link Topic} available as configuration ({@code sluice.topic.<name>} and
 * {@code sluice.topic.<name>.dlq}), so channels are bound with {@code topic=${sluice.topic.review}} and
 * the names stay written in one place; gives the one outgoing channel every service publishes through
 * its reliability settings (acks=all, idempotence) and no linger; and gives every incoming channel a
 * short poll timeout. Ordinal 150: application.properties and the environment override it.
 */
public class SluiceConfigSource implements ConfigSource {

    private static final String OUT = "mp.messaging.outgoing." + EventPublisher.CHANNEL + ".";
    /** How long a consumer's poll waits for records before the polling thread runs its other tasks. */
    private static final int POLL_TIMEOUT_MS = 100;

    private final Map<String, String> properties = new HashMap<>();

    public SluiceConfigSource() {
        for (Topic topic : Topic.values()) {
            properties.put(topic.configKey(), topic.topicName());
            properties.put(topic.dlqConfigKey(), topic.dlqName());
        }
        properties.put(OUT + "connector", "smallrye-kafka");
        // the topic of each record comes from its event type; this is only the fallback name
        properties.put(OUT + "topic", "sluice.unrouted");
        properties.put(OUT + "key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        properties.put(OUT + "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        properties.put(OUT + "acks", "all");
        properties.put(OUT + "enable.idempotence", "true");
        properties.put(OUT + "max.in.flight.requests.per.connection", "5");
        properties.put(OUT + "retries", Integer.toString(Integer.MAX_VALUE));
        properties.put(OUT + "delivery.timeout.ms", "120000");
        properties.put(OUT + "compression.type", "lz4");
        // every hop of a transfer is one outbox record sent when its transaction commits; Kafka 4's default
        // linger (5 ms) would hold each of them that long for a batch that never comes. Records sent while a
        // request is in flight are still batched.
        properties.put(OUT + "linger.ms", "0");
        properties.put(OUT + "cloud-events", "false");
        // The connector's commit strategy looks up a partition's committed offset when the first record of
        // that partition arrives (after every start and rebalance), on the polling thread: behind a poll that
        // waits up to this timeout. At the default 1 s, the first transfer on each partition waited a second
        // per consumer hop; a short timeout costs an empty poll now and then, and records still come at once.
        properties.put("mp.messaging.connector.smallrye-kafka.poll-timeout", Integer.toString(POLL_TIMEOUT_MS));
        inputPolicy();
        metricsAccess();
        rateLimits();
    }

    /**
     * Defaults of the rate limits by family (docs/operations.md lists them): requests a second and at
     * once per principal and per institution; uploads in bytes; public endpoints per address only.
     */
    private void rateLimits() {
        family("submit", 100, 500, 500, 2_500);
        family("read", 500, 2_000, 2_500, 10_000);
        family("review", 100, 500, 500, 2_500);
        family("admin", 100, 500, 500, 2_500);
        family("upload", 64L << 20, 4L << 30, 256L << 20, 8L << 30);
        String open = "sluice.platform.rate-limit.public-endpoints.";
        properties.put(open + "rate", "200");
        properties.put(open + "burst", "1000");
    }

    private void family(String name, long rate, long burst, long institutionRate, long institutionBurst) {
        String prefix = "sluice.platform.rate-limit." + name + ".";
        properties.put(prefix + "rate", Long.toString(rate));
        properties.put(prefix + "burst", Long.toString(burst));
        properties.put(prefix + "institution-rate", Long.toString(institutionRate));
        properties.put(prefix + "institution-burst", Long.toString(institutionBurst));
    }

    /**
     * {@code /q/metrics} answers the metrics role (a scraper's token) and admins only; health stays public.
     * On the main port rather than a management interface, so one port and one token check serve all.
     */
    private void metricsAccess() {
        String permission = "quarkus.http.auth.permission.metrics.";
        properties.put(permission + "paths", "/q/metrics,/q/metrics/*");
        properties.put(permission + "policy", "metrics-readers");
        properties.put("quarkus.http.auth.policy.metrics-readers.roles-allowed", Roles.METRICS + "," + Roles.ADMIN);
    }

    /** Defaults of the input policy and of the HTTP layer under it (docs/operations.md lists them). */
    private void inputPolicy() {
        String limits = "sluice.platform.input.field-limits.";
        properties.put(limits + "justification", "4000");
        properties.put(limits + "statement", "4000");
        properties.put(limits + "description", "2000");
        properties.put(limits + "reason", "2000");
        properties.put(limits + "statusReason", "2000");
        properties.put(limits + "title", "300");
        properties.put(limits + "name", "300");
        properties.put(limits + "screenedName", "300");
        properties.put(limits + "organisation", "300");
        properties.put(limits + "institution", "300");
        properties.put(limits + "publicKey", "4096");
        // the codec's own limits answer with an empty body: keep them far above the platform's checks
        properties.put("quarkus.http.limits.max-initial-line-length", "65536");
        properties.put("quarkus.http.limits.max-header-size", "64K");
        // a parameter that does not convert is the client's error, answered 400; no stack trace for it
        properties.put(
                "quarkus.log.category.\"org.jboss.resteasy.reactive.server.handlers.ParameterHandler\".level", "INFO");
        // a 4xx of an unmatched path is tagged uri=UNKNOWN, never with the raw path
        properties.put("quarkus.micrometer.binder.http-server.suppress4xx-errors", "true");
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "sluice-topics";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
