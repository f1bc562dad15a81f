package org.sluice.events;

import java.time.Duration;
import java.util.Locale;

/**
 * The Kafka topics of Sluice. The only place a topic name is written down: services bind their channels
 * to these names through the configuration key {@link #configKey()} (see {@code TopicsConfigSource} in
 * the platform module), never by repeating the string.
 *
 * <p>Every record is keyed by the event's {@code subject}, so all events of one transfer stay ordered
 * in one partition.
 */
public enum Topic {
    /** Transfer requests, cancellations and appeals; produced by the gateway. */
    TRANSFER_REQUESTED("sluice.transfer.requested", TopicSettings.forever(6)),
    /** Decisions of the engine or of reviewers; produced by policy. */
    TRANSFER_DECIDED("sluice.transfer.decided", TopicSettings.forever(6)),
    /** Human review case events; produced by policy. */
    REVIEW("sluice.review", TopicSettings.forever(6)),
    /** Sealing and delivery of packages; produced by the gateway. */
    TRANSFER_DELIVERY("sluice.transfer.delivery", TopicSettings.forever(6)),
    /** Bundle activations and changes of licences, agreements, emergencies and screening lists. */
    POLICY_CHANGES("sluice.policy.changes", TopicSettings.forever(3)),
    /** Partner registry changes (compacted by partner id); produced by the gateway. */
    PARTNERS("sluice.partners", new TopicSettings(3, true, null)),
    /** Refused requests (401/403) observed by any service, for the security rules. */
    SECURITY_ACCESS("sluice.security.access", new TopicSettings(3, false, Duration.ofDays(30))),
    /** Alerts raised by the audit consumer's rules. */
    SECURITY_ALERTS("sluice.security.alerts", new TopicSettings(3, false, Duration.ofDays(365))),
    /** Signed tree heads of the audit log. */
    AUDIT_CHECKPOINTS("sluice.audit.checkpoints", TopicSettings.forever(1));

    private final String topicName;
    private final TopicSettings settings;

    Topic(String topicName, TopicSettings settings) {
        this.topicName = topicName;
        this.settings = settings;
    }

    /** Partitions, cleanup and retention of this topic in a cluster. */
    public TopicSettings settings() {
        return settings;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** The dead-letter topic of this topic: {@code <topic>.dlq}. */
    public String dlqName() {
        return topicName + ".dlq";
    }

    /** The configuration key that resolves to this topic's name, e.g. {@code sluice.topic.transfer-requested}. */
    public String configKey() {
        return "sluice.topic." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The configuration key that resolves to this topic's dead-letter topic name. */
    public String dlqConfigKey() {
        return configKey() + ".dlq";
    }

    /** The topic with this Kafka name. */
    public static Topic byName(String topicName) {
        for (Topic t : values()) {
            if (t.topicName.equals(topicName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a Sluice topic: " + topicName);
    }
}
