package org.sluice.gateway.staging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.transfer.PayloadDeclaration;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.gateway.Sha256;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;

/**
 * Receives a transfer's payload: streams it into Crypt4GH for the staging key while hashing and counting
 * the plaintext (memory stays one buffer for any size), checks size and digest against the declaration,
 * and only then, in one transaction, stages it and publishes {@code TransferRequested}. A payload that
 * does not match leaves nothing behind and publishes nothing.
 */
@ApplicationScoped
public class UploadService {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final TransferRepository transfers;
    private final StagedPayloads staged;
    private final PayloadStore store;
    private final StagingKey stagingKey;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter uploadedBytes;

    public UploadService(
            TransferRepository transfers,
            StagedPayloads staged,
            PayloadStore store,
            StagingKey stagingKey,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock,
            MeterRegistry meters) {
        this.transfers = transfers;
        this.staged = staged;
        this.store = store;
        this.stagingKey = stagingKey;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.uploadedBytes = meters.counter("sluice.gateway.upload.bytes");
    }

    /**
     * Stages the payload of one of the institution's transfers.
     *
     * @param contentLength the request's declared length, when it has one: a wrong one is refused before
     *     a byte is read
     */
    public StagedPayload upload(
            String transferId, String institution, Principal actor, InputStream body, OptionalLong contentLength) {
        TransferRecord transfer = transfers
                .find(transferId)
                .filter(t -> t.institutionId().equals(institution))
                .orElseThrow(() -> ProblemException.notFound("transfer " + transferId));
        requireAwaitingPayload(transfer);
        PayloadDeclaration declared = transfer.request().payload();
        try {
            if (contentLength.isPresent() && contentLength.getAsLong() > declared.sizeBytes()) {
                throw PayloadMismatchException.oversize(declared.sizeBytes());
            }
            if (contentLength.isPresent() && contentLength.getAsLong() < declared.sizeBytes()) {
                throw PayloadMismatchException.size(declared.sizeBytes(), contentLength.getAsLong());
            }
            StagedPayload payload = stage(transfer, actor, body, declared);
            count("staged");
            return payload;
        } catch (PayloadMismatchException e) {
            count(e.slug());
            throw new ProblemException(
                    "payload-too-large".equals(e.slug()) ? 413 : 422,
                    e.slug(),
                    "payload-too-large".equals(e.slug())
                            ? "Payload too large"
                            : "Payload does not match its declaration",
                    e.getMessage(),
                    List.of());
        } catch (IOException e) {
            throw new IllegalStateException("staging the payload of " + transferId + " failed", e);
        }
    }

    private StagedPayload stage(TransferRecord transfer, Principal actor, InputStream body, PayloadDeclaration declared)
            throws IOException {
        String objectKey = StagedPayload.objectKeyOf(transfer.id());
        try (PayloadStore.PendingObject object = store.create(objectKey)) {
            DigestingOutputStream file = new DigestingOutputStream(object.stream());
            MessageDigest plaintext = Sha256.newDigest();
            long received = 0;
            long headerBytes;
            try (OutputStream encrypted = stagingKey.encrypt(file)) {
                headerBytes = file.count();
                file.startDigest();
                byte[] buffer = new byte[BUFFER_BYTES];
                for (int n = read(body, buffer); n != -1; n = read(body, buffer)) {
                    received += n;
                    if (received > declared.sizeBytes()) {
                        throw PayloadMismatchException.oversize(declared.sizeBytes());
                    }
                    plaintext.update(buffer, 0, n);
                    encrypted.write(buffer, 0, n);
                }
            }
            uploadedBytes.increment(received);
            if (received != declared.sizeBytes()) {
                throw PayloadMismatchException.size(declared.sizeBytes(), received);
            }
            String sha256 = Sha256.hex(plaintext);
            if (!Sha256.sameHex(declared.sha256(), sha256)) {
                throw PayloadMismatchException.digest(declared.sha256(), sha256);
            }
            StagedPayload payload = new StagedPayload(
                    transfer.id(),
                    objectKey,
                    received,
                    sha256,
                    headerBytes,
                    file.count(),
                    file.sha256(),
                    clock.instant());
            QuarkusTransaction.requiringNew().run(() -> commit(transfer, actor, payload, object));
            return payload;
        }
    }

    private void commit(
            TransferRecord transfer, Principal actor, StagedPayload payload, PayloadStore.PendingObject object) {
        TransferRecord locked = transfers.lock(transfer.id()).orElseThrow();
        requireAwaitingPayload(locked);
        try {
            object.commit();
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the staged payload of " + transfer.id(), e);
        }
        staged.insert(payload);
        Event<TransferRequested> requested = publisher.event(
                actor, new TransferRequested(transfer.id(), transfer.institutionId(), transfer.request()));
        outbox.add(requested);
        transfers.changeState(transfer.id(), TransferState.STAGED, payload.stagedAt(), requested.id());
    }

    private static void requireAwaitingPayload(TransferRecord transfer) {
        if (transfer.state() != TransferState.RECEIVED) {
            throw ProblemException.conflict(
                    transfer.state() == TransferState.STAGED ? "already-staged" : "invalid-state",
                    "Payload not accepted",
                    "transfer " + transfer.id() + " is " + transfer.state() + "; a payload is accepted only while"
                            + " it is RECEIVED");
        }
    }

    /** Reads the request body; a client that goes away mid-upload is not a server failure. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new ProblemException(
                    400,
                    "upload-interrupted",
                    "Upload interrupted",
                    "the request body ended early: " + e.getMessage(),
                    List.of());
        }
    }

    private void count(String outcome) {
        meters.counter("sluice.gateway.uploads", "outcome", outcome).increment();
    }
}
