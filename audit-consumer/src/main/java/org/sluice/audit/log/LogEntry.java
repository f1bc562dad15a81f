package org.sluice.audit.log;

import java.time.Instant;
import org.sluice.events.json.RawEvent;

/**
 * One leaf of the log.
 *
 * @param index the leaf index (0-based, gap-free)
 * @param event the event
 * @param leafHash SHA-256(0x00 || canonical bytes)
 * @param topic where it was read
 * @param facets what it is about
 */
public record LogEntry(long index, RawEvent event, byte[] leafHash, String topic, Facets facets) {

    /** The event id. */
    public String eventId() {
        return event.id();
    }

    /** The event time. */
    public Instant time() {
        return event.time();
    }
}
