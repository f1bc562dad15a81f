package org.sluice.gateway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.crypto.sign.SignatureException;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.sealing.SealingService;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.transparency.receipt.ReceiptException;
import org.sluice.transparency.receipt.ReceiptVerifier;

/**
 * Collects the audit receipts approvals wait for. When an approval starts waiting it asks for its receipt
 * with a long poll ({@code sluice.gateway.audit.long-poll}: the audit service holds the request until a
 * checkpoint covers the approval, so the receipt comes the moment it is signed; at most
 * {@code long-polls} held at once, on their own threads), then for every awaited receipt whenever the
 * audit log announces a new checkpoint
 * ({@code CheckpointSigned}, see {@link CheckpointListener}), and, as a fallback for a missed
 * announcement, every {@code sluice.gateway.audit.poll-interval} and once at start (an approval left
 * waiting by a restart). It asks the audit service, checks each receipt offline
 * (entry, inclusion proof, checkpoint; its signature too when the log's key is configured) and that it is
 * the receipt of that approval, then seals the approval with it. An approval whose receipt does not come
 * within {@code sluice.gateway.audit.receipt-wait}, or comes but does not verify, is sealed without one
 * (logged with the reason, counted in {@code sluice.gateway.audit.receipts}).
 */
@ApplicationScoped
public class ReceiptCollector {

    private static final Logger LOG = Logger.getLogger(ReceiptCollector.class);
    private static final int BATCH = 100;

    private final AuditReceipts receipts;
    private final AuditClient audit;
    private final TransferRepository transfers;
    private final SealingService sealing;
    private final GatewayConfig.AuditConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PublicKey logKey;
    private final ReceiptSignal signal;
    private volatile boolean running;
    private Thread worker;
    private ThreadPoolExecutor held;

    public ReceiptCollector(
            AuditReceipts receipts,
            AuditClient audit,
            TransferRepository transfers,
            SealingService sealing,
            GatewayConfig config,
            Clock clock,
            MeterRegistry meters,
            ReceiptSignal signal) {
        this.signal = signal;
        this.receipts = receipts;
        this.audit = audit;
        this.transfers = transfers;
        this.sealing = sealing;
        this.config = config.audit();
        this.clock = clock;
        this.meters = meters;
        this.logKey = this.config.logPublicKey().map(ReceiptCollector::readKey).orElse(null);
    }

    void start(@Observes StartupEvent event) {
        if (!receipts.enabled()) {
            return;
        }
        running = true;
        AtomicInteger threads = new AtomicInteger();
        held = new ThreadPoolExecutor(
                Math.max(1, config.longPolls()),
                Math.max(1, config.longPolls()),
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "sluice-audit-receipt-poll-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        held.allowCoreThreadTimeOut(true);
        worker = new Thread(this::follow, "sluice-audit-receipts");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        signal.release();
        if (held != null) {
            held.shutdownNow();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void follow() {
        boolean all = true; // at start: whatever a restart left waiting
        List<String> expected = List.of();
        while (running) {
            try {
                if (all) {
                    run();
                } else {
                    for (String decisionId : expected) {
                        receipts.pending(decisionId).ifPresent(this::hold);
                    }
                }
                ReceiptSignal.Wake wake = signal.await(config.pollInterval());
                all = wake.allAwaited();
                expected = wake.expected();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "collecting audit receipts failed; retried");
                all = true;
                expected = List.of();
            }
        }
    }

    /** One attempt for every awaited receipt (oldest first, at most one batch). */
    void run() {
        if (!receipts.enabled()) {
            return;
        }
        for (AuditReceipts.Pending pending : receipts.pending(BATCH)) {
            attempt(pending);
        }
    }

    /** Asks with a long poll on a free thread; with none free (or no long poll configured), once now. */
    private void hold(AuditReceipts.Pending pending) {
        if (!config.longPoll().isZero()) {
            try {
                held.execute(() -> attempt(pending, config.longPoll()));
                return;
            } catch (RejectedExecutionException allHeld) {
                // every long-poll thread is waiting: the next CheckpointSigned round asks for this one
            }
        }
        attempt(pending, Duration.ZERO);
    }

    private void attempt(AuditReceipts.Pending pending) {
        attempt(pending, Duration.ZERO);
    }

    private void attempt(AuditReceipts.Pending pending, Duration wait) {
        try {
            collect(pending, wait);
        } catch (RuntimeException e) {
            LOG.errorf(e, "collecting the audit receipt of %s failed; retried", pending.transferId());
        }
    }

    /**
     * One attempt for one awaited receipt, the audit service asked to hold the request at most {@code wait}.
     * Attempts for one approval may overlap (a long poll and a checkpoint's round): the first receipt
     * recorded is the one sealed.
     */
    void collect(AuditReceipts.Pending pending, Duration wait) {
        AuditClient.Answer answer = audit.receipt(pending.eventId(), wait);
        Instant now = clock.instant();
        String why;
        String outcome;
        if (answer instanceof AuditClient.Obtained obtained) {
            try {
                check(obtained.receipt(), pending);
                boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
                    boolean first = receipts.obtained(pending.decisionId(), obtained.receipt(), now);
                    if (first) {
                        sealNow(pending);
                    }
                    return first;
                });
                if (recorded) { // an overlapping attempt that came second is not counted again
                    meters.counter("sluice.gateway.audit.receipts", "outcome", "embedded")
                            .increment();
                }
                return;
            } catch (ReceiptException e) {
                LOG.errorf(
                        "the audit receipt of decision %s (transfer %s) does not verify: %s",
                        pending.decisionId(), pending.transferId(), e.getMessage());
                giveUp(pending, "the receipt does not verify: " + e.getMessage(), "unverifiable", now);
                return;
            }
        } else if (answer instanceof AuditClient.NotYet notYet) {
            why = "no receipt within " + config.receiptWait() + " (last: " + notYet.why() + ")";
            outcome = "timeout";
        } else {
            why = "no receipt within " + config.receiptWait() + " (last: " + ((AuditClient.Failed) answer).why() + ")";
            outcome = "failed";
        }
        if (now.isBefore(pending.requestedAt().plus(config.receiptWait()))) {
            return;
        }
        giveUp(pending, why, outcome, now);
    }

    private void giveUp(AuditReceipts.Pending pending, String why, String outcome, Instant now) {
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            boolean first = receipts.gaveUp(pending.decisionId(), why, now);
            if (first) {
                sealNow(pending);
            }
            return first;
        });
        if (recorded) { // an overlapping attempt recorded the outcome first: logged and counted once
            LOG.warnf(
                    "sealing transfer %s without an audit receipt of decision %s: %s",
                    pending.transferId(), pending.decisionId(), why);
            meters.counter("sluice.gateway.audit.receipts", "outcome", outcome).increment();
        }
    }

    private void check(AuditReceipt receipt, AuditReceipts.Pending pending) throws ReceiptException {
        if (!pending.eventId().equals(receipt.eventId())) {
            throw new ReceiptException(
                    "asked for event " + pending.eventId() + ", got the receipt of " + receipt.eventId());
        }
        ReceiptVerifier.Verified verified = ReceiptVerifier.verify(receipt, config.origin(), logKey);
        String logged = verified.event().path("data").path("decisionId").asText();
        if (!pending.decisionId().equals(logged)) {
            throw new ReceiptException(
                    "the logged event is decision " + logged + ", not the approval " + pending.decisionId());
        }
    }

    /** Seals the approval if it is still the transfer's approval waiting to be sealed. */
    private void sealNow(AuditReceipts.Pending pending) {
        transfers
                .lock(pending.transferId())
                .filter(t -> t.state() == TransferState.APPROVED
                        && t.decision() != null
                        && t.decision().decisionId().equals(pending.decisionId()))
                .ifPresent(t -> sealing.seal(t, t.decision()));
    }

    private static PublicKey readKey(Path file) {
        try {
            return Ed25519.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (SignatureException e) {
            throw new IllegalStateException("the audit log key " + file + " is unusable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log key " + file, e);
        }
    }
}
