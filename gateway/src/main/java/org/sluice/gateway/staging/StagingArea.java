package org.sluice.gateway.staging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Purges staged payloads: the record in the current transaction, the bytes once it has committed. */
@ApplicationScoped
public class StagingArea {

    private static final Logger LOG = Logger.getLogger(StagingArea.class);

    private final PayloadStore store;
    private final StagedPayloads staged;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public StagingArea(
            PayloadStore store, StagedPayloads staged, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.store = store;
        this.staged = staged;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Marks a transfer's staged payload purged and deletes its bytes after the transaction commits (a
     * rollback keeps them, since the state change that purged them did not happen).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(String transferId) {
        staged.markPurged(transferId, clock.instant());
        deleteAfterCommit(StagedPayload.objectKeyOf(transferId));
    }

    /** Deletes a store object once the current transaction has committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAfterCommit(String objectKey) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        store.delete(objectKey);
                    } catch (IOException | RuntimeException e) {
                        LOG.errorf("could not delete %s from the payload store: %s", objectKey, e.toString());
                    }
                }
            }
        });
    }
}
