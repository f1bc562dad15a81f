package org.sluice.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event of Sluice: the envelope attributes plus typed {@code data}. On the wire it is
 * the structured-mode JSON written by {@link org.sluice.events.json.EventCodec}.
 *
 * @param id unique event id; every consumer's effect is idempotent on it
 * @param source the producing service, e.g. {@code /sluice/gateway}
 * @param time when the event happened (UTC, millisecond precision)
 * @param actor the acting principal
 * @param schemaVersion version of the data schema the producer wrote
 * @param data the event's payload
 * @param <T> the data type
 */
public record Event<T extends EventData>(
        String id, String source, Instant time, Principal actor, int schemaVersion, T data) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(data, "data");
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new event with a random id, stamped with the clock's time and the type's current schema version. */
    public static <T extends EventData> Event<T> of(String source, Principal actor, T data, Clock clock) {
        return withId(UUID.randomUUID().toString(), source, actor, data, clock);
    }

    /**
     * A new event with a given id: for effects that may be computed twice (a redelivered request) and
     * must publish the same event both times.
     */
    public static <T extends EventData> Event<T> withId(
            String id, String source, Principal actor, T data, Clock clock) {
        return new Event<>(
                id, source, clock.instant(), actor, EventType.of(data).schemaVersion(), data);
    }

    /** The event type. */
    public EventType type() {
        return EventType.of(data);
    }

    /** The CloudEvents subject, which is also the Kafka key. */
    public String subject() {
        return data.subject();
    }

    /** The topic this event is published on. */
    public Topic topic() {
        return type().topic();
    }

    /** The data as the given type. */
    public <D extends EventData> D dataAs(Class<D> type) {
        return type.cast(data);
    }
}
