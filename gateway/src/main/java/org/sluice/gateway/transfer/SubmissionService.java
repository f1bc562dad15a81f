package org.sluice.gateway.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sluice.events.Principal;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.Ids;
import org.sluice.gateway.Sha256;
import org.sluice.gateway.partner.PartnerEntry;
import org.sluice.gateway.partner.PartnerRepository;
import org.sluice.platform.problem.ProblemException;

/**
 * Accepts transfer requests: the contract ({@link RequestContract}), then the size limit and the quota;
 * {@code Idempotency-Key}s make a retried submission return the transfer it created.
 */
@ApplicationScoped
public class SubmissionService {

    private final TransferRepository transfers;
    private final IdempotencyKeys keys;
    private final PartnerRepository partners;
    private final QuotaReservations reservations;
    private final GatewayConfig config;
    private final Clock clock;

    public SubmissionService(
            TransferRepository transfers,
            IdempotencyKeys keys,
            PartnerRepository partners,
            QuotaReservations reservations,
            GatewayConfig config,
            Clock clock) {
        this.transfers = transfers;
        this.keys = keys;
        this.partners = partners;
        this.reservations = reservations;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A submission's outcome.
     *
     * @param transfer the transfer created (or created earlier under the same key)
     * @param replayed whether this answers a retry of an earlier submission
     */
    public record Submitted(TransferRecord transfer, boolean replayed) {}

    /** Validates and stores a request for the caller's institution. */
    public Submitted submit(JsonNode body, Principal submitter, String institution, Optional<String> idempotencyKey) {
        TransferRequest request = validate(body);
        String requestSha256 = canonicalSha256(body);
        if (idempotencyKey.isPresent()) {
            String key = idempotencyKey.get();
            IdempotencyKeys.requireWellFormed(key);
            Optional<IdempotencyKeys.Used> used = keys.find(institution, key);
            if (used.isPresent()) {
                return replay(used.get(), requestSha256, key);
            }
        }
        reservations.release(institution); // lapsed reservations first, so the quota is exact
        Instant now = clock.instant();
        TransferRecord transfer = new TransferRecord(
                Ids.transfer(), institution, submitter.id(), request, TransferState.RECEIVED, now, now, null, null);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                requireQuota(institution, request.payload().sizeBytes());
                transfers.insert(transfer);
                if (idempotencyKey.isPresent()
                        && !keys.remember(
                                institution,
                                idempotencyKey.get(),
                                new IdempotencyKeys.Used(requestSha256, transfer.id()),
                                now)) {
                    throw new KeyTakenMeanwhile();
                }
            });
        } catch (KeyTakenMeanwhile e) {
            String key = idempotencyKey.orElseThrow();
            return replay(keys.find(institution, key).orElseThrow(), requestSha256, key);
        }
        return new Submitted(transfer, false);
    }

    /** The request, or a problem naming every field at fault ({@link RequestContract}) or its size. */
    public TransferRequest validate(JsonNode body) {
        TransferRequest request = RequestContract.validate(
                body, partnerId -> partners.find(partnerId).map(PartnerEntry::country));
        long max = config.limits().maxPayloadBytes();
        if (request.payload().sizeBytes() > max) {
            throw new ProblemException(
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "payload.sizeBytes is " + request.payload().sizeBytes() + " bytes; the limit is " + max,
                    List.of(new Violation("payload.sizeBytes", "maximum", "must be at most " + max)));
        }
        return request;
    }

    private void requireQuota(String institution, long declared) {
        long quota = config.quota().of(institution);
        long used = transfers.reservedBytes(institution);
        if (used + declared > quota) {
            throw new ProblemException(
                    413,
                    "quota-exceeded",
                    "Storage quota exceeded",
                    institution + " holds " + used + " bytes in the gateway; " + declared + " more would exceed its"
                            + " quota of " + quota + " (cancel or complete earlier transfers to free room)",
                    List.of(new Violation(
                            "payload.sizeBytes",
                            "quota",
                            "at most " + Math.max(0, quota - used) + " bytes are available")));
        }
    }

    private static String canonicalSha256(JsonNode body) {
        try {
            return Sha256.hex(CanonicalJson.toBytes(body));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("(body)", "i-json", e.getMessage());
        }
    }

    private Submitted replay(IdempotencyKeys.Used used, String requestSha256, String key) {
        if (!Sha256.sameHex(used.requestSha256(), requestSha256)) {
            throw ProblemException.unprocessable(
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "Idempotency-Key '" + key + "' was already used with a different body");
        }
        return new Submitted(transfers.find(used.transferId()).orElseThrow(), true);
    }

    /** A concurrent request with the same key committed first; this one's transfer is rolled back. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
