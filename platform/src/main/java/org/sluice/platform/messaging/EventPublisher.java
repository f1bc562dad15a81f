package org.sluice.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.sluice.events.Event;
import org.sluice.events.EventData;
import org.sluice.events.Principal;
import org.sluice.events.json.EventCodec;
import org.sluice.platform.PlatformConfig;

/**
 * Sends events to Kafka through the service's one outgoing channel; each record goes to its event type's
 * topic, keyed by the event's subject. State changes publish through the {@link
 * org.sluice.platform.outbox.Outbox} instead, which uses this once the change is committed.
 */
@ApplicationScoped
public class EventPublisher {

    /** The outgoing channel every service publishes through. */
    public static final String CHANNEL = "sluice-out";

    private final Emitter<byte[]> emitter;
    private final EventCodec codec = new EventCodec();
    private final String source;
    private final Clock clock;

    public EventPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    Emitter<byte[]> emitter,
            PlatformConfig config,
            Clock clock) {
        this.emitter = emitter;
        this.source = "/sluice/" + config.serviceName();
        this.clock = clock;
    }

    /** A new event of this service, stamped now. */
    public <T extends EventData> Event<T> event(Principal actor, T data) {
        return Event.of(source, actor, data, clock);
    }

    /** A new event of this service with a chosen id (for effects that may be computed twice). */
    public <T extends EventData> Event<T> event(String id, Principal actor, T data) {
        return Event.withId(id, source, actor, data, clock);
    }

    /** Sends an event; completes when the broker acknowledged it (acks=all) or fails with the cause. */
    public CompletionStage<Void> publish(Event<?> event) {
        return send(event.topic().topicName(), event.subject(), codec.encode(event));
    }

    /** Sends an already encoded record; completes when the broker acknowledged it. */
    public CompletionStage<Void> send(String topic, String key, byte[] value) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<byte[]> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(key)
                        .build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }
}
