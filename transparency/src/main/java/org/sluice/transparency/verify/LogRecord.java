package org.sluice.transparency.verify;

/**
 * One entry of a log as a verifier reads it.
 *
 * @param position where it was read: the line of an export, the row of a query (1-based)
 * @param index the index the source claims for it
 * @param eventId the event id the source claims for it
 * @param entry the entry bytes (canonical event JSON)
 * @param storedLeafHash the leaf hash the source holds, or null when it holds none
 */
public record LogRecord(long position, long index, String eventId, byte[] entry, byte[] storedLeafHash) {}
