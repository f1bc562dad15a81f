package org.sluice.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.sluice.events.Principal;

/**
 * An event whose envelope was checked but whose data was left as JSON: what the audit log stores, for
 * every type including ones this version does not know.
 *
 * @param id event id
 * @param source producing service
 * @param type CloudEvents type
 * @param subject CloudEvents subject (the Kafka key)
 * @param time event time
 * @param actor acting principal
 * @param schemaVersion data schema version
 * @param data the data, untyped
 * @param canonical the canonical bytes of the whole event
 */
public record RawEvent(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        Principal actor,
        int schemaVersion,
        JsonNode data,
        byte[] canonical) {}
