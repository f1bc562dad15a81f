package org.sluice.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.sluice.events.Principal;

/**
 * One event of a transfer's trail.
 *
 * @param index its leaf index in the log
 * @param eventId the event id
 * @param type the CloudEvents type
 * @param time when it happened
 * @param actor who acted
 * @param source the producing service
 * @param data the event's data
 */
public record TrailEntry(
        long index, String eventId, String type, Instant time, Principal actor, String source, JsonNode data) {}
