package org.sluice.gateway.transfer;

import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * One state change of a transfer.
 *
 * @param state the state entered
 * @param at when
 * @param eventId the event that announced it (none for RECEIVED, which publishes nothing)
 */
public record HistoryEntry(
        TransferState state, Instant at, @Nullable String eventId) {}
