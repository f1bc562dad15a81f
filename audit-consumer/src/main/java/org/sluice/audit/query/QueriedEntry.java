package org.sluice.audit.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An entry found by a query, with its facets and its event.
 *
 * @param index leaf index
 * @param eventId event id
 * @param type event type
 * @param time event time
 * @param actor acting principal's id
 * @param source producing service
 * @param transferId facet
 * @param institution facet
 * @param partner facet
 * @param country facet
 * @param outcome facet
 * @param category facet
 * @param reasonCodes facet
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
        String transferId,
        String institution,
        String partner,
        String country,
        String outcome,
        String category,
        List<String> reasonCodes,
        String leafHash,
        JsonNode event) {}
