package org.sluice.events.audit;

import java.time.Instant;
import org.sluice.events.EventData;

/**
 * A signed tree head of the audit log (a C2SP signed-note checkpoint).
 *
 * @param logId the log's origin line, e.g. {@code sluice.example/audit}
 * @param treeSize number of entries the head covers
 * @param rootHash base64 RFC 9162 root hash
 * @param timestamp when it was signed
 * @param keyId the signing key's id
 * @param note the complete signed note, verifiable on its own
 * @param previousTreeSize size of the previous checkpoint it is consistent with (0 for the first)
 */
public record CheckpointSigned(
        String logId,
        long treeSize,
        String rootHash,
        Instant timestamp,
        String keyId,
        String note,
        long previousTreeSize)
        implements EventData {
    @Override
    public String subject() {
        return logId;
    }
}
