package org.sluice.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sluice.events.Event;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.EventDecodingException;
import org.sluice.events.json.UnknownEventTypeException;
import org.sluice.platform.PlatformConfig;

/**
 * How every consumer of Sluice applies a record: decode it (poison is dead-lettered, unknown types are
 * skipped), then apply the effect exactly once per event id in one database transaction together with
 * the {@link Inbox} entry, retrying unexpected failures with backoff before dead-lettering. The record's
 * offset is committed only after this returns, i.e. after the effect is durable.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final Inbox inbox;
    private final PlatformConfig.ConsumerConfig config;
    private final EventCodec codec = new EventCodec();

    public InboundEvents(Inbox inbox, PlatformConfig config) {
        this.inbox = inbox;
        this.config = config.consumer();
    }

    /** The effect of one event; runs inside the transaction that records its delivery. */
    @FunctionalInterface
    public interface Effect {
        void apply(Event<?> event) throws Exception;
    }

    /**
     * Applies {@code effect} to the event in {@code record} once.
     *
     * @param consumer the consumer's name, part of the deduplication key
     * @throws PoisonRecordException the record must be dead-lettered
     */
    public void handle(String consumer, byte[] record, Effect effect) {
        Optional<Event<?>> decoded = decode(record);
        if (decoded.isEmpty()) {
            return;
        }
        Event<?> event = decoded.get();
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(consumer, event.id())) {
                        try {
                            effect.apply(event);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new EffectFailedException(e);
                        }
                    }
                });
                return;
            } catch (PoisonRecordException e) {
                throw e;
            } catch (RuntimeException e) {
                Throwable cause = e instanceof EffectFailedException ? e.getCause() : e;
                if (cause instanceof PoisonRecordException poison) {
                    throw poison;
                }
                if (attempt >= config.maxAttempts()) {
                    LOG.errorf(
                            cause,
                            "%s gives up on %s %s after %d attempts",
                            consumer,
                            event.type().typeName(),
                            event.id(),
                            attempt);
                    throw new PoisonRecordException("effect failed after " + attempt + " attempts: " + cause, cause);
                }
                LOG.warnf(
                        "%s failed on %s %s (attempt %d), retrying: %s",
                        consumer, event.type().typeName(), event.id(), attempt, cause.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** Decodes a record: empty for a type this version does not know; poison otherwise throws. */
    public Optional<Event<?>> decode(byte[] record) {
        try {
            return Optional.of(codec.decode(record));
        } catch (UnknownEventTypeException e) {
            LOG.debugf("skipping %s", e.getMessage());
            return Optional.empty();
        } catch (EventDecodingException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private static final class EffectFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EffectFailedException(Exception cause) {
            super(cause);
        }
    }
}
