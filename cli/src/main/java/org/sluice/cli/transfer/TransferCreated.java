package org.sluice.cli.transfer;

import java.time.Instant;

/**
 * The gateway's answer to a new transfer.
 *
 * @param id the transfer's id
 * @param state {@code RECEIVED}
 * @param uploadUrl where to upload the payload (path-absolute)
 * @param createdAt when it was created
 */
record TransferCreated(String id, String state, String uploadUrl, Instant createdAt) {}
