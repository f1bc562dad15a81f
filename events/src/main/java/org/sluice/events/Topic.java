package org.sluice.events;

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
    TRANSFER_REQUESTED("sluice.transfer.requested"),
    /** Decisions of the engine or of reviewers; produced by policy. */
    TRANSFER_DECIDED("sluice.transfer.decided"),
    /** Human review case events; produced by policy. */
    REVIEW("sluice.review"),
    /** Sealing and delivery of packages; produced by the gateway. */
    TRANSFER_DELIVERY("sluice.transfer.delivery"),
    /** Bundle activations and changes of licences, agreements, emergencies and screening lists. */
    POLICY_CHANGES("sluice.policy.changes"),
    /** Partner registry changes (compacted by partner id); produced by the gateway. */
    PARTNERS("sluice.partners"),
    /** Refused requests (401/403) observed by any service, for the security rules. */
    SECURITY_ACCESS("sluice.security.access"),
    /** Alerts raised by the audit consumer's rules. */
    SECURITY_ALERTS("sluice.security.alerts"),
    /** Signed tree heads of the audit log. */
    AUDIT_CHECKPOINTS("sluice.audit.checkpoints");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
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
