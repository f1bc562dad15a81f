package org.sluice.audit.proof;

/**
 * An entry as stored.
 *
 * @param index leaf index
 * @param eventId event id
 * @param leafHash stored leaf hash
 * @param entry canonical event bytes
 * @param topic where it was read
 * @param partner the partner it concerns, if any
 */
public record StoredEntry(long index, String eventId, byte[] leafHash, byte[] entry, String topic, String partner) {}
