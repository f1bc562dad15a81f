package org.sluice.gateway.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.decision.Outcome;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.json.Json;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.gateway.Ids;
import org.sluice.gateway.Sha256;
import org.sluice.gateway.transfer.IdempotencyKeys;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.platform.input.Text;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;

/**
 * Files a submitter's appeal against a denial: {@code AppealFiled} goes out through the outbox in the
 * transaction that moves the transfer to APPEALED. One open appeal at a time; an {@code Idempotency-Key}
 * makes a retried appeal answer with the appeal it filed.
 */
@ApplicationScoped
public class AppealService {

    private static final String STATEMENT = "statement";

    private final TransferRepository transfers;
    private final AppealRepository appeals;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;

    public AppealService(
            TransferRepository transfers,
            AppealRepository appeals,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock) {
        this.transfers = transfers;
        this.appeals = appeals;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * An appeal's outcome.
     *
     * @param appeal the appeal filed (or filed earlier under the same key)
     * @param replayed whether this answers a retry of an earlier appeal
     */
    public record Filed(AppealRecord appeal, boolean replayed) {}

    /** Appeals the denial of one of the institution's transfers. */
    public Filed file(String transferId, String institution, Principal submitter, JsonNode body, Optional<String> key) {
        String statement = statement(body);
        ObjectNode request = Json.mapper().createObjectNode().put("transferId", transferId);
        request.set("body", body);
        String requestSha256 = Sha256.hex(CanonicalJson.toBytes(request));
        if (key.isPresent()) {
            IdempotencyKeys.requireWellFormed(key.get());
            Optional<AppealRecord> used = appeals.byIdempotencyKey(institution, key.get());
            if (used.isPresent()) {
                return replay(used.get(), requestSha256, key.get());
            }
        }
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> fileLocked(transferId, institution, submitter, statement, requestSha256, key));
        } catch (KeyTakenMeanwhile e) {
            String k = key.orElseThrow();
            return replay(appeals.byIdempotencyKey(institution, k).orElseThrow(), requestSha256, k);
        }
    }

    private Filed fileLocked(
            String transferId,
            String institution,
            Principal submitter,
            String statement,
            String requestSha256,
            Optional<String> key) {
        TransferRecord t = transfers
                .lock(transferId)
                .filter(x -> x.institutionId().equals(institution))
                .orElseThrow(() -> ProblemException.notFound("transfer " + transferId));
        if (appeals.latest(transferId).filter(AppealRecord::open).isPresent()) {
            throw ProblemException.conflict(
                    "appeal-open",
                    "An appeal is open",
                    "transfer " + transferId + " already has an open appeal (it is " + t.state()
                            + "); wait for its outcome");
        }
        if (!t.state().appealable() || t.decision() == null || t.decision().outcome() != Outcome.DENY) {
            throw ProblemException.conflict(
                    "not-appealable",
                    "Transfer cannot be appealed",
                    "transfer " + transferId + " is " + t.state() + "; only a DENIED transfer can be appealed");
        }
        Instant now = clock.instant();
        String appealId = Ids.appeal();
        String denial = t.decision().decisionId();
        Event<AppealFiled> filed =
                publisher.event(submitter, new AppealFiled(transferId, appealId, institution, denial, statement));
        AppealRecord appeal = new AppealRecord(
                appealId,
                transferId,
                institution,
                submitter.id(),
                denial,
                statement,
                now,
                filed.id(),
                key.orElse(null),
                requestSha256,
                null,
                null,
                null);
        if (!appeals.insert(appeal)) {
            throw new KeyTakenMeanwhile();
        }
        outbox.add(filed);
        transfers.changeState(transferId, TransferState.APPEALED, now, filed.id());
        return new Filed(appeal, false);
    }

    /** The statement of a body {@code {"statement": "..."}}, or a problem naming every field at fault. */
    String statement(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalidField("(body)", "type", "a JSON object is expected");
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STATEMENT.equals(name)) {
                violations.add(new Violation(name, "additionalProperties", "unknown member; only statement is read"));
            }
        }
        JsonNode statement = body.get(STATEMENT);
        if (statement == null || statement.isNull()) {
            violations.add(new Violation(STATEMENT, "required", "a statement explaining the appeal is required"));
        } else if (!statement.isTextual()) {
            violations.add(new Violation(STATEMENT, "type", "a string is expected"));
        } else if (Text.isBlank(statement.asText())) {
            // blank after Unicode white space and format characters: zero-width spaces say nothing
            violations.add(new Violation(STATEMENT, Text.NOT_BLANK, "the statement must not be blank"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        return statement.asText().strip();
    }

    private Filed replay(AppealRecord used, String requestSha256, String key) {
        if (!Sha256.sameHex(used.requestSha256(), requestSha256)) {
            throw ProblemException.unprocessable(
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "Idempotency-Key '" + key + "' was already used with a different appeal");
        }
        return new Filed(used, true);
    }

    /** A concurrent appeal with the same key committed first; this one is rolled back. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
