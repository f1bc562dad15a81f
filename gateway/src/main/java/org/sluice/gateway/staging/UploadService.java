package org.sluice.gateway.staging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Receives a transfer's payload, whole or in {@code Content-Range} chunks: streams it into Crypt4GH for
 * the staging key while hashing and counting the plaintext (memory stays one buffer and one segment for
 * any size), checks size and digest against the declaration, and only then, in one transaction, stages
 * it and publishes {@code TransferRequested}. A payload that does not match leaves nothing behind and
 * publishes nothing; a chunked upload that breaks off keeps what arrived and resumes from there.
 */
@ApplicationScoped
public class UploadService {

    /** What an upload request achieved. */
    public sealed interface Outcome {}

    /**
     * The whole payload arrived, matched and is staged.
     *
     * @param payload what was staged
     */
    public record Staged(StagedPayload payload) implements Outcome {}

    /**
     * A chunk arrived; more are expected.
     *
     * @param transferId the transfer
     * @param received plaintext bytes received so far (the offset of the next chunk)
     * @param sizeBytes the declared size
     */
    public record Partial(String transferId, long received, long sizeBytes) implements Outcome {}

    private final TransferRepository transfers;
    private final StagedPayloads staged;
    private final PayloadStore store;
    private final StagingKey stagingKey;
    private final UploadSessions sessions;
    private final UploadRecords uploads;
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
            UploadSessions sessions,
            UploadRecords uploads,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock,
            MeterRegistry meters) {
        this.transfers = transfers;
        this.staged = staged;
        this.store = store;
        this.stagingKey = stagingKey;
        this.sessions = sessions;
        this.uploads = uploads;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.uploadedBytes = meters.counter("sluice.gateway.upload.bytes");
    }

    /**
     * Receives a payload, or one chunk of it, for one of the institution's transfers.
     *
     * @param contentLength the request's length, when it has one: a wrong one is refused before a byte is read
     * @param range the chunk's {@code Content-Range}; empty for the whole payload in one request
     */
    public Outcome upload(
            String transferId,
            String institution,
            Principal actor,
            InputStream body,
            OptionalLong contentLength,
            Optional<ContentRange> range) {
        TransferRecord transfer = owned(transferId, institution);
        requireAwaitingPayload(transfer);
        PayloadDeclaration declared = transfer.request().payload();
        try {
            return range.isPresent()
                    ? chunk(transfer, actor, body, contentLength, range.get(), declared)
                    : whole(transfer, actor, body, contentLength, declared);
        } catch (PayloadMismatchException e) {
            count(e.slug());
            boolean tooLarge = "payload-too-large".equals(e.slug());
            throw new ProblemException(
                    tooLarge ? 413 : 422,
                    e.slug(),
                    tooLarge ? "Payload too large" : "Payload does not match its declaration",
                    e.getMessage(),
                    List.of());
        } catch (UploadSession.BodyReadException e) {
            throw new ProblemException(400, "upload-interrupted", "Upload interrupted", e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("staging the payload of " + transferId + " failed", e);
        }
    }

    /** Plaintext bytes received so far for one of the institution's transfers. */
    public Partial progress(String transferId, String institution) {
        TransferRecord transfer = owned(transferId, institution);
        long declared = transfer.request().payload().sizeBytes();
        long received = transfer.state() == TransferState.RECEIVED ? sessions.received(transferId) : declared;
        return new Partial(transferId, received, declared);
    }

    private Outcome whole(
            TransferRecord transfer,
            Principal actor,
            InputStream body,
            OptionalLong contentLength,
            PayloadDeclaration declared)
            throws IOException {
        if (contentLength.isPresent() && contentLength.getAsLong() > declared.sizeBytes()) {
            throw PayloadMismatchException.oversize(declared.sizeBytes());
        }
        if (contentLength.isPresent() && contentLength.getAsLong() < declared.sizeBytes()) {
            throw PayloadMismatchException.size(declared.sizeBytes(), contentLength.getAsLong());
        }
        try (UploadSessions.Lease lease = sessions.lease(transfer.id())) {
            lease.discard(); // a whole upload replaces an unfinished chunked one
            try (UploadSession session = open(transfer)) {
                long before = session.received();
                boolean withinDeclared = session.append(body, declared.sizeBytes(), clock.instant(), () -> {});
                uploadedBytes.increment(session.received() - before);
                if (!withinDeclared) {
                    throw PayloadMismatchException.oversize(declared.sizeBytes());
                }
                return new Staged(stage(transfer, actor, session, declared));
            }
        }
    }

    private Outcome chunk(
            TransferRecord transfer,
            Principal actor,
            InputStream body,
            OptionalLong contentLength,
            ContentRange range,
            PayloadDeclaration declared)
            throws IOException {
        if (range.total() != declared.sizeBytes()) {
            throw PayloadMismatchException.size(declared.sizeBytes(), range.total());
        }
        if (contentLength.isPresent() && contentLength.getAsLong() != range.length()) {
            throw ProblemException.invalidField(
                    "Content-Range",
                    "length",
                    "the range has " + range.length() + " bytes, the body " + contentLength.getAsLong());
        }
        try (UploadSessions.Lease lease = sessions.lease(transfer.id())) {
            UploadSession session = lease.current().orElse(null);
            if (session == null || range.first() == 0 && session.received() > 0) {
                if (range.first() != 0) {
                    throw offsetMismatch(transfer.id(), 0, range.first());
                }
                session = lease.start();
            }
            if (range.first() != session.received()) {
                throw offsetMismatch(transfer.id(), session.received(), range.first());
            }
            long before = session.received();
            boolean withinRange;
            try {
                withinRange = session.append(body, range.length(), clock.instant(), lease::checkpoint);
            } finally {
                uploadedBytes.increment(session.received() - before);
                if (session.received() < declared.sizeBytes()) {
                    lease.checkpoint(); // also when the body broke off: what arrived is kept
                }
            }
            if (!withinRange) {
                throw ProblemException.invalidField(
                        "Content-Range", "length", "the body is longer than the range's " + range.length() + " bytes");
            }
            if (session.received() < declared.sizeBytes()) {
                return new Partial(transfer.id(), session.received(), declared.sizeBytes());
            }
            try {
                return new Staged(stage(transfer, actor, session, declared));
            } catch (RuntimeException | IOException e) {
                lease.discard(); // verified as a whole and refused: the upload starts again from 0
                throw e;
            } finally {
                lease.finished();
            }
        }
    }

    private UploadSession open(TransferRecord transfer) throws IOException {
        return UploadSession.open(store, StagedPayload.objectKeyOf(transfer.id()), stagingKey, clock.instant());
    }

    /** Verifies the finished session against the declaration and commits it. */
    private StagedPayload stage(
            TransferRecord transfer, Principal actor, UploadSession session, PayloadDeclaration declared)
            throws IOException {
        UploadSession.Received received = session.finish();
        if (received.plaintextBytes() != declared.sizeBytes()) {
            throw PayloadMismatchException.size(declared.sizeBytes(), received.plaintextBytes());
        }
        if (!Sha256.sameHex(declared.sha256(), received.plaintextSha256())) {
            throw PayloadMismatchException.digest(declared.sha256(), received.plaintextSha256());
        }
        StagedPayload payload = new StagedPayload(
                transfer.id(),
                StagedPayload.objectKeyOf(transfer.id()),
                received.plaintextBytes(),
                received.plaintextSha256(),
                received.headerBytes(),
                received.bodyBytes(),
                received.bodySha256(),
                clock.instant());
        QuarkusTransaction.requiringNew().run(() -> commit(transfer, actor, payload, session));
        count("staged");
        return payload;
    }

    private void commit(TransferRecord transfer, Principal actor, StagedPayload payload, UploadSession session) {
        TransferRecord locked = transfers.lock(transfer.id()).orElseThrow();
        requireAwaitingPayload(locked);
        try {
            session.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the staged payload of " + transfer.id(), e);
        }
        staged.insert(payload);
        uploads.delete(transfer.id());
        Event<TransferRequested> requested = publisher.event(
                actor, new TransferRequested(transfer.id(), transfer.institutionId(), transfer.request()));
        outbox.add(requested);
        transfers.changeState(transfer.id(), TransferState.STAGED, payload.stagedAt(), requested.id());
    }

    private TransferRecord owned(String transferId, String institution) {
        return transfers
                .find(transferId)
                .filter(t -> t.institutionId().equals(institution))
                .orElseThrow(() -> ProblemException.notFound("transfer " + transferId));
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

    private static ProblemException offsetMismatch(String transferId, long received, long first) {
        return new ProblemException(
                409,
                "upload-offset-mismatch",
                "Chunk does not continue the upload",
                transferId + " has received " + received + " bytes; the next chunk must start there, this one"
                        + " starts at " + first,
                List.of(),
                received == 0
                        ? Map.of("Upload-Offset", "0")
                        : Map.of("Upload-Offset", Long.toString(received), "Range", "bytes=0-" + (received - 1)));
    }

    private void count(String outcome) {
        meters.counter("sluice.gateway.uploads", "outcome", outcome).increment();
    }
}
