package org.sluice.events;

/**
 * The {@code data} of an event. Each event type is a record implementing this interface and listed in
 * {@link EventType}.
 */
public interface EventData {

    /**
     * The CloudEvents {@code subject} and Kafka record key: the transfer id for transfer events, the
     * partner id, bundle id, licence id, alert rule or log id for the others.
     */
    String subject();
}
