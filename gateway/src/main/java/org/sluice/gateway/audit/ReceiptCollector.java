package org.sluice.gateway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
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
 * Collects the audit receipts approvals wait for: asks the audit service, checks each receipt offline
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

    public ReceiptCollector(
            AuditReceipts receipts,
            AuditClient audit,
            TransferRepository transfers,
            SealingService sealing,
            GatewayConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.receipts = receipts;
        this.audit = audit;
        this.transfers = transfers;
        this.sealing = sealing;
        this.config = config.audit();
        this.clock = clock;
        this.meters = meters;
        this.logKey = this.config.logPublicKey().map(ReceiptCollector::readKey).orElse(null);
    }

    @Scheduled(
            every = "${sluice.gateway.audit.poll-interval:5s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!receipts.enabled()) {
            return;
        }
        for (AuditReceipts.Pending pending : receipts.pending(BATCH)) {
            try {
                collect(pending);
            } catch (RuntimeException e) {
                LOG.errorf(e, "collecting the audit receipt of %s failed; retried", pending.transferId());
            }
        }
    }

    /** One attempt for one awaited receipt. */
    void collect(AuditReceipts.Pending pending) {
        AuditClient.Answer answer = audit.receipt(pending.eventId());
        Instant now = clock.instant();
        String why;
        String outcome;
        if (answer instanceof AuditClient.Obtained obtained) {
            try {
                check(obtained.receipt(), pending);
                QuarkusTransaction.requiringNew().run(() -> {
                    receipts.obtained(pending.decisionId(), obtained.receipt(), now);
                    sealNow(pending);
                });
                meters.counter("sluice.gateway.audit.receipts", "outcome", "embedded")
                        .increment();
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
        LOG.warnf(
                "sealing transfer %s without an audit receipt of decision %s: %s",
                pending.transferId(), pending.decisionId(), why);
        QuarkusTransaction.requiringNew().run(() -> {
            receipts.gaveUp(pending.decisionId(), why, now);
            sealNow(pending);
        });
        meters.counter("sluice.gateway.audit.receipts", "outcome", outcome).increment();
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
