package org.sluice.audit.log;

import org.sluice.events.json.RawEvent;

/**
 * An event read from a topic, to be appended.
 *
 * @param event the event, its envelope checked and its canonical bytes computed
 * @param topic the topic it was read from
 */
public record IncomingEvent(RawEvent event, String topic) {}
