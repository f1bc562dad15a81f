package org.sluice.policy.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.json.Json;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.ScreeningAdjudication;
import org.sluice.events.review.Vote;
import org.sluice.policy.store.Jdbc;

/** Review cases and their votes (tables {@code review_cases}, {@code review_votes}). */
@ApplicationScoped
public class ReviewRepository {

    private final Jdbc jdbc;

    public ReviewRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Filters of the queue; null means any.
     *
     * @param risk the risk level
     * @param category the data category
     * @param country the destination country
     * @param openedBefore only cases opened before this instant (older than an age)
     * @param after keyset cursor: cases after this (deadline, review id)
     * @param limit page size
     */
    public record QueueQuery(
            RiskLevel risk, String category, String country, Instant openedBefore, Cursor after, int limit) {}

    /** A position in the queue's order. */
    public record Cursor(Instant deadline, String reviewId) {}

    /** Inserts a case; false when its id or appeal id exists already. */
    public boolean insert(ReviewCase c) {
        return jdbc.update(
                        "INSERT INTO review_cases (review_id, transfer_id, kind, decision_id, decision_source,"
                                + " decision_outcome, appeal_id, statement, institution_id, submitted_by, partner_id,"
                                + " destination_country, category, codes, risk, required_votes, senior_required,"
                                + " escalated, excluded_reviewers, status, opened_at, deadline) VALUES"
                                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        c.reviewId(),
                        c.transferId(),
                        c.kind().name(),
                        c.decisionId(),
                        c.decisionSource().name(),
                        c.decisionOutcome().name(),
                        c.appealId(),
                        c.statement(),
                        c.institutionId(),
                        c.submittedBy(),
                        c.partnerId(),
                        c.destinationCountry(),
                        c.category(),
                        c.codes(),
                        c.risk().name(),
                        c.requiredVotes(),
                        c.seniorRequired(),
                        c.escalated(),
                        c.excludedReviewers(),
                        c.status(),
                        c.openedAt(),
                        c.deadline())
                == 1;
    }

    public Optional<ReviewCase> find(String reviewId) {
        return jdbc.one("SELECT * FROM review_cases WHERE review_id = ?", ReviewRepository::reviewCase, reviewId);
    }

    /** Locks the case's row until the transaction ends (votes on one case never interleave). */
    public Optional<ReviewCase> lock(String reviewId) {
        return jdbc.one(
                "SELECT * FROM review_cases WHERE review_id = ? FOR UPDATE", ReviewRepository::reviewCase, reviewId);
    }

    /** The open cases of a transfer. */
    public List<ReviewCase> openOf(String transferId) {
        return jdbc.query(
                "SELECT * FROM review_cases WHERE transfer_id = ? AND status = 'OPEN'",
                ReviewRepository::reviewCase,
                transferId);
    }

    /**
     * Raises what an approval of the case needs (the votes and the senior), never lowers it; the reasons
     * of the transfer changed or demand more than its risk did.
     */
    public void raiseRequirement(String reviewId, int votes, boolean senior) {
        jdbc.update(
                "UPDATE review_cases SET required_votes = GREATEST(required_votes, ?),"
                        + " senior_required = senior_required OR ? WHERE review_id = ?",
                votes,
                senior,
                reviewId);
    }

    /** Replaces the reason codes of an open case kept open by a re-evaluation. */
    public void updateCodes(String reviewId, List<String> codes) {
        jdbc.update("UPDATE review_cases SET codes = ? WHERE review_id = ?", codes, reviewId);
    }

    /** Open cases whose reasons include the code. */
    public List<ReviewCase> openWithCode(String code) {
        return jdbc.query(
                "SELECT * FROM review_cases WHERE status = 'OPEN' AND ? = ANY (codes) ORDER BY opened_at, review_id",
                ReviewRepository::reviewCase,
                code);
    }

    /** Everyone who voted on any case of the transfer. */
    public List<String> votersOf(String transferId) {
        return jdbc.query(
                "SELECT DISTINCT v.reviewer FROM review_votes v JOIN review_cases c ON c.review_id = v.review_id"
                        + " WHERE c.transfer_id = ? ORDER BY 1",
                rs -> rs.getString(1),
                transferId);
    }

    /** Open cases in deadline order, filtered and paged by keyset. */
    public List<ReviewCase> queue(QueueQuery q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM review_cases WHERE status = 'OPEN'");
        List<Object> params = new ArrayList<>();
        if (q.risk() != null) {
            sql.append(" AND risk = ?");
            params.add(q.risk().name());
        }
        if (q.category() != null) {
            sql.append(" AND category = ?");
            params.add(q.category());
        }
        if (q.country() != null) {
            sql.append(" AND destination_country = ?");
            params.add(q.country());
        }
        if (q.openedBefore() != null) {
            sql.append(" AND opened_at <= ?");
            params.add(q.openedBefore());
        }
        if (q.after() != null) {
            sql.append(" AND (deadline, review_id) > (?, ?)");
            params.add(q.after().deadline());
            params.add(q.after().reviewId());
        }
        sql.append(" ORDER BY deadline, review_id LIMIT ?");
        params.add(q.limit());
        return jdbc.query(sql.toString(), ReviewRepository::reviewCase, params.toArray());
    }

    /** Takes the case for a reviewer if it is open and nobody holds it; false otherwise. */
    public boolean claim(String reviewId, String reviewer, boolean senior, Instant at) {
        return jdbc.update(
                        "UPDATE review_cases SET claimed_by = ?, claimed_senior = ?, claimed_at = ?"
                                + " WHERE review_id = ? AND status = 'OPEN' AND claimed_by IS NULL",
                        reviewer,
                        senior,
                        at,
                        reviewId)
                == 1;
    }

    /** Gives the case back to the queue. */
    public void release(String reviewId) {
        jdbc.update(
                "UPDATE review_cases SET claimed_by = NULL, claimed_senior = NULL, claimed_at = NULL WHERE review_id = ?",
                reviewId);
    }

    public void settle(String reviewId, Outcome outcome, String decisionId, Instant at) {
        jdbc.update(
                "UPDATE review_cases SET status = 'DECIDED', outcome = ?, settled_decision_id = ?, closed_at = ?,"
                        + " claimed_by = NULL, claimed_senior = NULL, claimed_at = NULL WHERE review_id = ?",
                outcome.name(),
                decisionId,
                at,
                reviewId);
    }

    /** Closes open cases of a transfer without a decision; returns how many. */
    public int closeOpen(String transferId, String reason, Instant at) {
        return jdbc.update(
                "UPDATE review_cases SET status = 'CLOSED', closed_reason = ?, closed_at = ?, claimed_by = NULL,"
                        + " claimed_senior = NULL, claimed_at = NULL WHERE transfer_id = ? AND status = 'OPEN'",
                reason,
                at,
                transferId);
    }

    /** Ids of open, not yet escalated cases whose deadline has passed. */
    public List<String> overdue(Instant now) {
        return jdbc.query(
                "SELECT review_id FROM review_cases WHERE status = 'OPEN' AND NOT escalated AND deadline <= ?"
                        + " ORDER BY deadline",
                rs -> rs.getString(1),
                now);
    }

    /** Marks a case escalated with its new deadline; a non-senior's claim ends with it. */
    public void escalate(String reviewId, Instant newDeadline) {
        jdbc.update(
                "UPDATE review_cases SET escalated = TRUE, deadline = ?,"
                        + " claimed_by = CASE WHEN claimed_senior THEN claimed_by END,"
                        + " claimed_at = CASE WHEN claimed_senior THEN claimed_at END,"
                        + " claimed_senior = CASE WHEN claimed_senior THEN TRUE END WHERE review_id = ?",
                newDeadline,
                reviewId);
    }

    public void insertVote(CastVote v) {
        try {
            jdbc.update(
                    "INSERT INTO review_votes (review_id, reviewer, senior, vote, justification, conditions,"
                            + " adjudications, overrides_engine_deny, decisive, cast_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)",
                    v.reviewId(),
                    v.reviewer(),
                    v.senior(),
                    v.vote().name(),
                    v.justification(),
                    Json.mapper().writeValueAsString(v.conditions()),
                    Json.mapper().writeValueAsString(v.adjudications()),
                    v.overridesEngineDeny(),
                    v.decisive(),
                    v.castAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void markDecisive(String reviewId, String reviewer) {
        jdbc.update("UPDATE review_votes SET decisive = TRUE WHERE review_id = ? AND reviewer = ?", reviewId, reviewer);
    }

    /** The votes on a case, in the order cast. */
    public List<CastVote> votes(String reviewId) {
        return jdbc.query(
                "SELECT * FROM review_votes WHERE review_id = ? ORDER BY cast_at, reviewer",
                ReviewRepository::vote,
                reviewId);
    }

    /**
     * A vote in a reviewer's history with the case it was cast on.
     *
     * @param vote the vote
     * @param reviewCase the case
     */
    public record HistoryRow(CastVote vote, ReviewCase reviewCase) {}

    /** Every vote a reviewer cast, newest first. */
    public List<HistoryRow> history(String reviewer, int limit) {
        return jdbc.query(
                "SELECT v.review_id AS v_review_id, v.reviewer, v.senior, v.vote, v.justification, v.conditions,"
                        + " v.adjudications, v.overrides_engine_deny, v.decisive, v.cast_at, c.* FROM review_votes v"
                        + " JOIN review_cases c ON c.review_id = v.review_id WHERE v.reviewer = ?"
                        + " ORDER BY v.cast_at DESC, v.review_id LIMIT ?",
                rs -> new HistoryRow(vote(rs), reviewCase(rs)),
                reviewer,
                limit);
    }

    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {};
    private static final TypeReference<List<ScreeningAdjudication>> ADJUDICATIONS = new TypeReference<>() {};

    private static CastVote vote(ResultSet rs) throws Exception {
        return new CastVote(
                rs.getString("review_id"),
                rs.getString("reviewer"),
                rs.getBoolean("senior"),
                Vote.valueOf(rs.getString("vote")),
                rs.getString("justification"),
                Json.mapper().readValue(rs.getString("conditions"), CONDITIONS),
                Json.mapper().readValue(rs.getString("adjudications"), ADJUDICATIONS),
                rs.getBoolean("overrides_engine_deny"),
                rs.getBoolean("decisive"),
                rs.getTimestamp("cast_at").toInstant());
    }

    private static ReviewCase reviewCase(ResultSet rs) throws Exception {
        String outcome = rs.getString("outcome");
        java.sql.Timestamp claimedAt = rs.getTimestamp("claimed_at");
        return new ReviewCase(
                rs.getString("review_id"),
                rs.getString("transfer_id"),
                ReviewKind.valueOf(rs.getString("kind")),
                rs.getString("decision_id"),
                DecisionSource.valueOf(rs.getString("decision_source")),
                Outcome.valueOf(rs.getString("decision_outcome")),
                rs.getString("appeal_id"),
                rs.getString("statement"),
                rs.getString("institution_id"),
                rs.getString("submitted_by"),
                rs.getString("partner_id"),
                rs.getString("destination_country"),
                rs.getString("category"),
                Jdbc.texts(rs, "codes"),
                RiskLevel.valueOf(rs.getString("risk")),
                rs.getInt("required_votes"),
                rs.getBoolean("senior_required"),
                rs.getBoolean("escalated"),
                Jdbc.texts(rs, "excluded_reviewers"),
                rs.getString("status"),
                rs.getString("claimed_by"),
                claimedAt == null ? null : claimedAt.toInstant(),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("deadline").toInstant(),
                outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("settled_decision_id"));
    }
}
