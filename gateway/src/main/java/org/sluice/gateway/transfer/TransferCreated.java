package org.sluice.gateway.transfer;

import java.time.Instant;

/**
 * The answer to {@code POST /api/v1/transfers}.
 *
 * @param id the new transfer's id
 * @param state {@code RECEIVED}
 * @param uploadUrl where to {@code PUT} the payload
 * @param createdAt when it was created
 */
public record TransferCreated(String id, TransferState state, String uploadUrl, Instant createdAt) {

    static TransferCreated of(TransferRecord t) {
        return new TransferCreated(t.id(), TransferState.RECEIVED, TransferPaths.payload(t.id()), t.createdAt());
    }
}
