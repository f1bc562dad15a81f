package org.sluice.audit.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.sluice.audit.log.Facets;

/**
 * What the rules see of one log entry.
 *
 * @param index leaf index
 * @param type event type
 * @param time event time
 * @param actor acting principal's id
 * @param facets derived facets
 * @param data the event's data
 */
public record EntryFacts(long index, String type, Instant time, String actor, Facets facets, JsonNode data) {}
