package org.sluice.gateway.sealing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sluice.crypto.cms.CmsWriter;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.gateway.Ids;
import org.sluice.gateway.Sha256;
import org.sluice.gateway.audit.AuditReceipts;
import org.sluice.gateway.partner.PartnerEntry;
import org.sluice.gateway.partner.PartnerRepository;
import org.sluice.gateway.partner.RegisteredKey;
import org.sluice.gateway.staging.PayloadStore;
import org.sluice.gateway.staging.StagedPayload;
import org.sluice.gateway.staging.StagedPayloads;
import org.sluice.gateway.staging.StagingKey;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;

/**
 * Seals approved transfers for partners that receive CMS AuthEnvelopedData instead of Crypt4GH. CMS cannot
 * reuse the staged body, so the payload is decrypted and re-encrypted whole (streamed, constant memory,
 * the plaintext only ever in memory and checked against its digest on the way); that work runs outside any
 * transaction, and only the finished package is recorded in one.
 */
@ApplicationScoped
public class CmsSealing {

    private static final Logger LOG = Logger.getLogger(CmsSealing.class);

    private final TransferRepository transfers;
    private final PartnerRepository partners;
    private final StagedPayloads staged;
    private final PayloadStore store;
    private final StagingKey stagingKey;
    private final SealingService sealing;
    private final Clock clock;
    private final AuditReceipts receipts;

    public CmsSealing(
            TransferRepository transfers,
            PartnerRepository partners,
            StagedPayloads staged,
            PayloadStore store,
            StagingKey stagingKey,
            SealingService sealing,
            Clock clock,
            AuditReceipts receipts) {
        this.receipts = receipts;
        this.transfers = transfers;
        this.partners = partners;
        this.staged = staged;
        this.store = store;
        this.stagingKey = stagingKey;
        this.sealing = sealing;
        this.clock = clock;
    }

    /** Seals every approved transfer waiting for a CMS package whose partner has a valid certificate. */
    public void sealPending() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String partnerId : transfers.partnersWithState(TransferState.APPROVED)) {
            Optional<PartnerEntry> partner = partners.find(partnerId).filter(p -> p.status() == PartnerStatus.ACTIVE);
            Optional<RegisteredKey> key =
                    partner.flatMap(p -> p.sealingKey(today)).filter(k -> k.format() == PackageFormat.CMS);
            if (key.isPresent()) {
                for (String transferId : transfers.idsInState(partnerId, TransferState.APPROVED)) {
                    seal(transferId, key.get());
                }
            }
        }
    }

    private void seal(String transferId, RegisteredKey key) {
        Optional<StagedPayload> payload = staged.find(transferId);
        boolean receiptAwaited = transfers
                .find(transferId)
                .map(t -> t.decision() != null && receipts.awaited(t.decision().decisionId()))
                .orElse(true);
        if (payload.isEmpty() || receiptAwaited) {
            return;
        }
        String packageId = Ids.pkg();
        String objectKey = "packages/" + packageId + ".cms";
        try (PayloadStore.PendingObject object = store.create(objectKey)) {
            MessageDigest body = Sha256.newDigest();
            MessageDigest plaintext = Sha256.newDigest();
            try (OutputStream digesting = new DigestOutputStream(object.stream(), body);
                    InputStream c4gh = store.open(payload.get().objectKey(), 0);
                    InputStream plain =
                            new DigestInputStream(Crypt4ghReader.decrypt(c4gh, stagingKey.keyPair()), plaintext);
                    OutputStream cms = CmsWriter.encrypt(digesting, RecipientKeys.certificate(key.publicKey()))) {
                plain.transferTo(cms);
            }
            if (!Sha256.sameHex(payload.get().plaintextSha256(), Sha256.hex(plaintext))) {
                LOG.errorf("the staged payload of %s no longer has its SHA-256; not sealed", transferId);
                return;
            }
            object.commit();
            long bodyBytes = store.size(objectKey);
            String bodySha256 = Sha256.hex(body);
            boolean recorded = QuarkusTransaction.requiringNew()
                    .call(() -> record(transferId, key, packageId, objectKey, bodyBytes, bodySha256, payload.get()));
            if (!recorded) {
                store.delete(objectKey);
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("sealing %s as CMS failed, retried later: %s", transferId, e.toString());
            deleteQuietly(objectKey);
        }
    }

    private boolean record(
            String transferId,
            RegisteredKey key,
            String packageId,
            String objectKey,
            long bodyBytes,
            String bodySha256,
            StagedPayload payload) {
        TransferRecord transfer = transfers.lock(transferId).orElseThrow();
        if (transfer.state() != TransferState.APPROVED || transfer.decision() == null) {
            return false; // cancelled or decided otherwise meanwhile
        }
        sealing.record(
                packageId,
                transfer,
                transfer.decision(),
                key,
                new SealingService.Body(PackageFormat.CMS, new byte[0], objectKey, 0, bodyBytes, bodySha256),
                payload,
                Instant.now(clock));
        return true;
    }

    private void deleteQuietly(String objectKey) {
        try {
            store.delete(objectKey);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", objectKey, e.toString());
        }
    }
}
