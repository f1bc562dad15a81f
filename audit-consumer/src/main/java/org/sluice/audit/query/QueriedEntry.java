package org.sluice.audit.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.sluice.audit.log.Facets;

/**
 * An entry found by a query, with its facets and its event.
 *
 * @param index leaf index
 * @param eventId event id
 * @param type event type
 * @param time event time
 * @param actor acting principal's id
 * @param source producing service
 * @param facets what it is about (written inline: transferId, institution, partner, country, outcome,
 *     category, reasonCodes)
 * @param leafHash base64 leaf hash
 * @param event the whole event (canonical JSON)
 */
public record QueriedEntry(
        long index,
        String eventId,
        String type,
        Instant time,
        String actor,
        String source,
        @JsonUnwrapped Facets facets,
        String leafHash,
        JsonNode event) {}
