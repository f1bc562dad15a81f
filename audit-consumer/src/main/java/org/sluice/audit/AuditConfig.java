package org.sluice.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Configuration of the audit consumer ({@code sluice.audit.*}). */
@ConfigMapping(prefix = "sluice.audit")
public interface AuditConfig {

    /** The log's identity: the first line of every checkpoint and the name of its signing key. */
    @WithDefault("sluice.example/audit")
    String origin();

    /** Signed checkpoints. */
    CheckpointConfig checkpoint();

    /** Queries and exports. */
    QueryConfig query();

    interface CheckpointConfig {
        /** PKCS#8 PEM file of the Ed25519 key that signs checkpoints (never logged). */
        Path keyFile();

        /**
         * At most one checkpoint is signed per window: an append to a log that signed nothing within the last
         * window is signed at once; later appends wait until one window after the last round began, so the
         * appends of a busy window share one checkpoint. The longest a new entry waits for a checkpoint (plus
         * one signing).
         */
        @WithDefault("20ms")
        Duration batchWindow();

        /**
         * The safety timer: a checkpoint is signed at least this often while entries exist that no checkpoint
         * covers but no append woke the signer (a failed round, say); none while the log is idle.
         */
        @WithDefault("10s")
        Duration interval();

        /** A checkpoint is signed at once when this many entries arrived since the last one. */
        @WithDefault("10000")
        long maxEntries();

        /** How long a client is told to wait (Retry-After) for a receipt of an entry no checkpoint covers yet. */
        @WithDefault("2s")
        Duration receiptRetryAfter();

        /**
         * The longest a receipt request may ask to be held ({@code wait}) until a checkpoint covers its entry;
         * each held request takes one worker thread.
         */
        @WithDefault("10s")
        Duration receiptMaxWait();
    }

    interface QueryConfig {
        /** Entries in one page of a query when the caller names no limit. */
        @WithDefault("100")
        int defaultLimit();

        /** Most entries one page may hold. */
        @WithDefault("1000")
        int maxLimit();
    }
}
