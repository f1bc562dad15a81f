package org.sluice.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sluice.events.Event;
import org.sluice.events.json.EventCodec;

/** Produces and reads raw records on the test broker, as an outside party would. */
public final class KafkaTestClient {

    private final String bootstrapServers;
    private final EventCodec codec = new EventCodec();

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A client of the broker {@link KafkaResource} started. */
    public static KafkaTestClient ofTestBroker() {
        return new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    /** Publishes an event exactly as a Sluice service would. */
    public void publish(Event<?> event) {
        send(event.topic().topicName(), event.subject(), codec.encode(event));
    }

    /** Sends raw bytes (e.g. a poison record). */
    public void send(String topic, String key, byte[] value) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("acks", "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a topic from the beginning until a record matches or the timeout passes.
     *
     * @return every record read, the matching one last
     * @throws AssertionError when nothing matched in time
     */
    public List<Received> readUntil(String topic, Predicate<Received> match, Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "test-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        List<Received> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Received received = Received.of(r);
                    seen.add(received);
                    if (match.test(received)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout + "; read " + seen.size());
    }

    /** Everything on a topic right now (reads until it has been idle briefly). */
    public List<Received> readAll(String topic, Duration idle) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "test-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        List<Received> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < idle.toNanos()) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                records.forEach(r -> seen.add(Received.of(r)));
            }
        }
        return seen;
    }

    /** A record as read, with its headers as strings. */
    public record Received(String topic, String key, byte[] value, Map<String, String> headers) {
        static Received of(ConsumerRecord<String, byte[]> r) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            return new Received(r.topic(), r.key(), r.value(), headers);
        }

        /** The value as UTF-8 text. */
        public String text() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** The value decoded as a Sluice event. */
        public Event<?> event() {
            try {
                return new EventCodec().decode(value);
            } catch (Exception e) {
                throw new AssertionError("not a Sluice event: " + text(), e);
            }
        }
    }
}
