package org.sluice.policy.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.json.Json;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.store.Jdbc;

/** Every decision with its complete inputs and bundle digest, so it can be replayed. */
@ApplicationScoped
public class Decisions {

    private final Jdbc jdbc;

    public Decisions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored decision.
     *
     * @param decision the decision as published
     * @param inputs what it was made from
     * @param decidedAt when
     */
    public record Stored(TransferDecided decision, DecisionInputs inputs, Instant decidedAt) {}

    public void insert(TransferDecided d, DecisionInputs inputs, Instant at) {
        try {
            jdbc.update(
                    "INSERT INTO decisions (decision_id, transfer_id, source, outcome, codes, bundle_digest, inputs,"
                            + " decision, supersedes, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)",
                    d.decisionId(),
                    d.transferId(),
                    d.source().name(),
                    d.outcome().name(),
                    d.codes(),
                    d.bundle().digest(),
                    Json.mapper().writeValueAsString(inputs),
                    Json.mapper().writeValueAsString(d),
                    d.supersedes(),
                    at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Stored> find(String decisionId) {
        return jdbc.one("SELECT * FROM decisions WHERE decision_id = ?", Decisions::stored, decisionId);
    }

    /** Every decision on a transfer, oldest first. */
    public List<Stored> ofTransfer(String transferId) {
        return jdbc.query(
                "SELECT * FROM decisions WHERE transfer_id = ? ORDER BY decided_at, decision_id",
                Decisions::stored,
                transferId);
    }

    private static Stored stored(java.sql.ResultSet rs) throws Exception {
        return new Stored(
                Json.mapper().readValue(rs.getString("decision"), TransferDecided.class),
                Json.mapper().readValue(rs.getString("inputs"), DecisionInputs.class),
                rs.getTimestamp("decided_at").toInstant());
    }
}
