package org.sluice.gateway.sealing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.sluice.crypto.crypt4gh.Crypt4ghHeader;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.delivery.PackageHeld;
import org.sluice.events.delivery.PackageSealed;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.transfer.Dataset;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.Ids;
import org.sluice.gateway.Sha256;
import org.sluice.gateway.audit.AuditReceipts;
import org.sluice.gateway.partner.PartnerChanged;
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
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;

/**
 * Seals an approved transfer for its partner: the staged Crypt4GH header is read with the staging key and
 * re-encrypted for the partner's key valid today; the body stays as staged. The package (header, signed
 * manifest, metadata), state SEALED and {@code PackageSealed} are written in the caller's transaction.
 * Without an active partner and a valid key the transfer is held ({@code PackageHeld}). While the audit
 * receipt of the approval is awaited nothing is sealed; the manifest carries the receipt once obtained.
 */
@ApplicationScoped
public class SealingService {

    /** The actor of what the gateway does on its own. */
    static final Principal GATEWAY = Principal.system("gateway");

    private final StagedPayloads staged;
    private final PayloadStore store;
    private final StagingKey stagingKey;
    private final PartnerRepository partners;
    private final PackageRepository packages;
    private final TransferRepository transfers;
    private final ManifestSigner manifests;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final GatewayConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AuditReceipts receipts;

    public SealingService(
            StagedPayloads staged,
            PayloadStore store,
            StagingKey stagingKey,
            PartnerRepository partners,
            PackageRepository packages,
            TransferRepository transfers,
            ManifestSigner manifests,
            Outbox outbox,
            EventPublisher publisher,
            GatewayConfig config,
            Clock clock,
            MeterRegistry meters,
            AuditReceipts receipts) {
        this.receipts = receipts;
        this.staged = staged;
        this.store = store;
        this.stagingKey = stagingKey;
        this.partners = partners;
        this.packages = packages;
        this.transfers = transfers;
        this.manifests = manifests;
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /** Seals an approved transfer, or holds it; returns the package when sealed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PackageRecord> seal(TransferRecord transfer, TransferDecided approval) {
        Timer.Sample sample = Timer.start(meters);
        Optional<PackageRecord> sealed = sealOrHold(transfer, approval);
        sealed.ifPresent(p -> sample.stop(
                meters.timer("sluice.gateway.sealing", "format", p.format().name())));
        return sealed;
    }

    private Optional<PackageRecord> sealOrHold(TransferRecord transfer, TransferDecided approval) {
        if (receipts.awaited(approval.decisionId())) {
            return Optional.empty(); // sealed by the ReceiptCollector once the audit receipt is in (or given up)
        }
        StagedPayload payload = staged.find(transfer.id())
                .orElseThrow(() ->
                        new IllegalStateException("approved transfer " + transfer.id() + " has no staged payload"));
        Instant now = clock.instant();
        Optional<PartnerEntry> partner = partners.find(transfer.partnerId());
        Optional<RegisteredKey> key = partner.filter(p -> p.status() == PartnerStatus.ACTIVE)
                .flatMap(p -> p.sealingKey(LocalDate.ofInstant(now, ZoneOffset.UTC)));
        if (key.isEmpty()) {
            hold(
                    transfer,
                    approval,
                    partner.isEmpty()
                            ? "partner is not registered"
                            : partner.get().status() != PartnerStatus.ACTIVE
                                    ? "partner is suspended"
                                    : "partner has no key valid today for "
                                            + partner.get().deliveryFormat());
            return Optional.empty();
        }
        if (key.get().format() == PackageFormat.CMS) {
            return Optional.empty(); // re-encrypted whole, outside this transaction, by CmsSealing
        }
        byte[] header = reencryptHeader(payload, key.get());
        PackageRecord record = record(
                Ids.pkg(),
                transfer,
                approval,
                key.get(),
                new Body(
                        PackageFormat.CRYPT4GH,
                        header,
                        payload.objectKey(),
                        payload.headerBytes(),
                        payload.bodyBytes(),
                        payload.bodySha256()),
                payload,
                now);
        return Optional.of(record);
    }

    /**
     * What a package consists of besides its manifest.
     *
     * @param format the encryption format
     * @param header the header written for the partner (empty for CMS)
     * @param bodyObject the store object holding the body
     * @param bodyOffset where the body starts in it
     * @param bodyBytes size of the body
     * @param bodySha256 hex SHA-256 of the body
     */
    record Body(
            PackageFormat format,
            byte[] header,
            String bodyObject,
            long bodyOffset,
            long bodyBytes,
            String bodySha256) {}

    /**
     * Records a sealed package in the caller's transaction: signed manifest, package, {@code PackageSealed}
     * and state SEALED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    PackageRecord record(
            String packageId,
            TransferRecord transfer,
            TransferDecided approval,
            RegisteredKey key,
            Body body,
            StagedPayload payload,
            Instant now) {
        String headerSha256 = Sha256.hex(body.header());
        Instant expiresAt = approval.validUntil() != null
                ? approval.validUntil()
                : now.plus(config.packages().defaultValidity());
        Dataset dataset = transfer.request().dataset();
        Manifest unsigned = new Manifest(
                Manifest.SCHEMA,
                transfer.id(),
                packageId,
                transfer.partnerId(),
                new Manifest.DatasetRef(
                        dataset.id(), dataset.title(), dataset.category().name(), dataset.format()),
                new Manifest.PlaintextRef(payload.plaintextBytes(), payload.plaintextSha256()),
                new Manifest.PackageRef(
                        body.format(),
                        body.header().length + body.bodyBytes(),
                        headerSha256,
                        body.bodySha256(),
                        key.fingerprint()),
                new Manifest.DecisionRef(
                        approval.decisionId(),
                        approval.outcome().name(),
                        approval.bundle().digest(),
                        approval.conditions().stream().map(Condition::code).toList()),
                now,
                expiresAt,
                manifests.issuer());
        ManifestSigner.Signed manifest = manifests.sign(receipts.receipt(approval.decisionId())
                .map(unsigned::withAuditReceipt)
                .orElse(unsigned));
        PackageRecord record = new PackageRecord(
                packageId,
                transfer.id(),
                transfer.partnerId(),
                approval.decisionId(),
                PackageStatus.AVAILABLE,
                body.format(),
                key.keyId(),
                payload.plaintextBytes(),
                payload.plaintextSha256(),
                body.header().length,
                headerSha256,
                body.bodyObject(),
                body.bodyOffset(),
                body.bodyBytes(),
                body.bodySha256(),
                manifest.sha256(),
                manifest.keyId(),
                now,
                expiresAt);
        packages.insert(record, body.header(), manifest.json());
        Event<PackageSealed> sealed = publisher.event(
                GATEWAY,
                new PackageSealed(
                        record.transferId(),
                        record.packageId(),
                        record.partnerId(),
                        record.decisionId(),
                        approval.bundle().digest(),
                        record.format(),
                        record.recipientKeyId(),
                        record.plaintextBytes(),
                        record.plaintextSha256(),
                        record.packageBytes(),
                        record.headerSha256(),
                        record.bodySha256(),
                        record.manifestSha256(),
                        record.signingKeyId(),
                        record.expiresAt()));
        outbox.add(sealed);
        transfers.changeState(transfer.id(), TransferState.SEALED, now, sealed.id());
        meters.counter(
                        "sluice.gateway.packages.sealed",
                        "format",
                        record.format().name())
                .increment();
        return record;
    }

    /** Seals the approved transfers held for a partner, if it now is active and has a key valid today. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseHeld(String partnerId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean sealable = partners.find(partnerId)
                .filter(p -> p.status() == PartnerStatus.ACTIVE)
                .flatMap(p -> p.sealingKey(today))
                .isPresent();
        if (!sealable) {
            return;
        }
        for (String id : transfers.idsInState(partnerId, TransferState.APPROVED)) {
            TransferRecord held = transfers.lock(id).orElseThrow();
            if (held.state() == TransferState.APPROVED
                    && held.decision() != null
                    && held.decision().outcome().isApproval()) {
                seal(held, held.decision());
            }
        }
    }

    void onPartnerChanged(@Observes PartnerChanged change) {
        releaseHeld(change.partnerId());
    }

    private void hold(TransferRecord transfer, TransferDecided approval, String reason) {
        outbox.add(publisher.event(
                GATEWAY, new PackageHeld(transfer.id(), transfer.partnerId(), approval.decisionId(), reason)));
        meters.counter("sluice.gateway.packages.held").increment();
    }

    /** The staged header, re-encrypted for the partner's key with a fresh writer key; O(1) in the payload size. */
    private byte[] reencryptHeader(StagedPayload payload, RegisteredKey key) {
        try (InputStream in = store.open(payload.objectKey(), 0)) {
            Crypt4ghHeader header = stagingKey.readHeader(in);
            if (header.length() != payload.headerBytes()) {
                throw new IllegalStateException("the staged header of " + payload.transferId() + " is "
                        + header.length() + " bytes, " + payload.headerBytes() + " were recorded");
            }
            return header.reencrypt(Crypt4ghKeyPair.generate(), List.of(RecipientKeys.crypt4gh(key.publicKey())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged header of " + payload.transferId(), e);
        }
    }
}
