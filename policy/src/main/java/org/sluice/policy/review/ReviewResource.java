package org.sluice.policy.review;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.sluice.events.Principal;
import org.sluice.events.decision.Reason;
import org.sluice.events.json.Json;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.ScreeningAdjudication;
import org.sluice.events.review.Vote;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.platform.input.Text;
import org.sluice.platform.problem.JsonProblems;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.decision.Decisions;
import org.sluice.policy.decision.Transfers;
import org.sluice.policy.paging.Page;
import org.sluice.policy.screening.ScreeningHit;

/**
 * The reviewer API: the queue of open cases (filtered, in deadline order, keyset paged), a case with
 * the engine's reasons and screening hits beside the request, claim, release, vote, and the history of a
 * reviewer's decisions.
 */
@Path("/api/v1/reviews")
@RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private static final ObjectReader DECISION =
            Json.mapper().readerFor(Decision.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ReviewService service;
    private final ReviewRepository cases;
    private final Decisions decisions;
    private final Transfers transfers;
    private final CurrentPrincipal principal;
    private final PolicyConfig config;
    private final Clock clock;

    public ReviewResource(
            ReviewService service,
            ReviewRepository cases,
            Decisions decisions,
            Transfers transfers,
            CurrentPrincipal principal,
            PolicyConfig config,
            Clock clock) {
        this.service = service;
        this.cases = cases;
        this.decisions = decisions;
        this.transfers = transfers;
        this.principal = principal;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A case with everything a reviewer weighs.
     *
     * @param reviewCase the case
     * @param request the transfer request
     * @param reasons the engine's reasons for the decision under review (or of the re-evaluation that kept
     *     the case open)
     * @param screening the screening hits the decision saw
     * @param votes the votes cast so far
     * @param timeInReview how long the case has been open (until settled)
     */
    public record CaseDetail(
            ReviewCase reviewCase,
            TransferRequest request,
            List<Reason> reasons,
            List<ScreeningHit> screening,
            List<CastVote> votes,
            Duration timeInReview) {}

    /**
     * A vote as posted.
     *
     * @param vote APPROVE or DENY
     * @param justification why (required, not blank)
     * @param conditions conditions attached to an approval
     * @param adjudications judgements on screening hits
     */
    public record Decision(
            String vote,
            String justification,
            List<org.sluice.events.decision.Condition> conditions,
            List<ScreeningAdjudication> adjudications) {}

    /**
     * A release, optionally with why.
     *
     * @param reason why the case goes back to the queue
     */
    public record Release(String reason) {}

    /**
     * One decided vote of a reviewer's history.
     *
     * @param reviewId the case
     * @param transferId the transfer
     * @param kind DECISION or APPEAL
     * @param risk the case's risk
     * @param vote the vote
     * @param justification why
     * @param decisive whether it settled the case
     * @param overridesEngineDeny an approval overriding the engine's denial
     * @param caseOutcome the case's outcome once settled
     * @param castAt when
     */
    public record HistoryEntry(
            String reviewId,
            String transferId,
            String kind,
            RiskLevel risk,
            Vote vote,
            String justification,
            boolean decisive,
            boolean overridesEngineDeny,
            String caseOutcome,
            Instant castAt) {}

    @GET
    public Page<ReviewCase> queue(
            @QueryParam("risk") String risk,
            @QueryParam("category") String category,
            @QueryParam("country") String country,
            @QueryParam("minAge") String minAge,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        List<Violation> errors = new ArrayList<>();
        RiskLevel riskLevel = null;
        if (risk != null && !risk.isBlank()) {
            try {
                riskLevel = RiskLevel.valueOf(risk.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("risk", "enum", "risk must be STANDARD or HIGH"));
            }
        }
        Instant openedBefore = null;
        if (minAge != null && !minAge.isBlank()) {
            try {
                openedBefore = clock.instant().minus(Duration.parse(minAge));
            } catch (DateTimeParseException e) {
                errors.add(new Violation("minAge", "format", "minAge must be an ISO-8601 duration such as PT4H"));
            }
        }
        int size = Page.limit(limit, config.review().maxPageSize(), errors);
        ReviewRepository.Cursor cursor = Page.after(after, ReviewResource::cursor, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<ReviewCase> rows = cases.queue(new ReviewRepository.QueueQuery(
                riskLevel, blankToNull(category), blankToNull(country), openedBefore, cursor, size + 1));
        return Page.of(rows, size, last -> last.deadline() + "|" + last.reviewId());
    }

    @GET
    @Path("history")
    public List<HistoryEntry> history(@QueryParam("reviewer") String reviewer, @QueryParam("limit") Integer limit) {
        Principal me = principal.get();
        String whose = reviewer == null || reviewer.isBlank() ? me.id() : reviewer;
        if (!whose.equals(me.id()) && !me.hasRole(Roles.SENIOR_REVIEWER)) {
            throw ProblemException.forbidden("only senior reviewers may read another reviewer's history");
        }
        int size = limit == null ? 500 : Math.max(1, Math.min(limit, 5000));
        return cases.history(whose, size).stream()
                .map(h -> new HistoryEntry(
                        h.reviewCase().reviewId(),
                        h.reviewCase().transferId(),
                        h.reviewCase().kind().name(),
                        h.reviewCase().risk(),
                        h.vote().vote(),
                        h.vote().justification(),
                        h.vote().decisive(),
                        h.vote().overridesEngineDeny(),
                        h.reviewCase().outcome() == null
                                ? null
                                : h.reviewCase().outcome().name(),
                        h.vote().castAt()))
                .toList();
    }

    @GET
    @Path("{reviewId}")
    public CaseDetail detail(@PathParam("reviewId") String reviewId) {
        ReviewCase c = cases.find(reviewId).orElseThrow(() -> ProblemException.notFound("review case " + reviewId));
        Transfers.Transfer t = transfers.find(c.transferId()).orElseThrow();
        Decisions.Stored underReview = decisions.find(c.decisionId()).orElseThrow();
        if (c.status().equals(ReviewCase.OPEN) && t.latestDecision() != null) {
            // a re-evaluation that kept the case open carries its id: the reviewers weigh those reasons now
            Decisions.Stored latest = decisions.find(t.latestDecision()).orElse(underReview);
            if (reviewId.equals(latest.decision().reviewId())
                    && latest.decision().source() == org.sluice.events.decision.DecisionSource.REEVALUATION) {
                underReview = latest;
            }
        }
        Instant end = c.status().equals(ReviewCase.OPEN) ? clock.instant() : settledAt(c);
        return new CaseDetail(
                c,
                t.request(),
                underReview.decision().reasons(),
                underReview.inputs().screening(),
                cases.votes(reviewId),
                Duration.between(c.openedAt(), end));
    }

    private Instant settledAt(ReviewCase c) {
        return c.settledDecisionId() == null
                ? clock.instant()
                : decisions
                        .find(c.settledDecisionId())
                        .map(Decisions.Stored::decidedAt)
                        .orElse(clock.instant());
    }

    @POST
    @Path("{reviewId}/claim")
    public ReviewCase claim(@PathParam("reviewId") String reviewId) {
        return service.claim(reviewId, principal.get());
    }

    @POST
    @Path("{reviewId}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewCase release(@PathParam("reviewId") String reviewId, Release release) {
        return service.release(reviewId, release == null ? null : release.reason(), principal.get());
    }

    @POST
    @Path("{reviewId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(schema = @Schema(implementation = Decision.class)))
    public ReviewCase decide(@PathParam("reviewId") String reviewId, JsonNode body) {
        Decision d = bind(body);
        if (d == null) {
            throw ProblemException.invalidField("(body)", "required", "a decision is required");
        }
        List<Violation> errors = new ArrayList<>();
        Vote vote = null;
        try {
            vote = d.vote() == null ? null : Vote.valueOf(d.vote());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (vote == null) {
            errors.add(new Violation("vote", "enum", "vote must be APPROVE or DENY"));
        }
        requiredText("justification", d.justification(), "a written justification is required")
                .ifPresent(errors::add);
        List<org.sluice.events.decision.Condition> conditions = d.conditions() == null ? List.of() : d.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            var c = conditions.get(i);
            requiredText(
                            "conditions[" + i + "].description",
                            c == null ? null : c.description(),
                            "a condition needs a description")
                    .ifPresent(errors::add);
        }
        List<ScreeningAdjudication> adjudications = d.adjudications() == null ? List.of() : d.adjudications();
        for (int i = 0; i < adjudications.size(); i++) {
            var a = adjudications.get(i);
            requiredText(
                            "adjudications[" + i + "].entryId",
                            a == null ? null : a.entryId(),
                            "the list entry is required")
                    .ifPresent(errors::add);
            requiredText(
                            "adjudications[" + i + "].screenedName",
                            a == null ? null : a.screenedName(),
                            "the screened name is required")
                    .ifPresent(errors::add);
            if (a == null
                    || !(ScreeningAdjudication.NOT_THIS_PARTY.equals(a.verdict())
                            || ScreeningAdjudication.CONFIRMED.equals(a.verdict()))) {
                errors.add(new Violation(
                        "adjudications[" + i + "].verdict", "enum", "verdict must be NOT_THIS_PARTY or CONFIRMED"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return service.vote(
                reviewId,
                new ReviewService.Ballot(vote, d.justification(), conditions, adjudications),
                principal.get());
    }

    /** The vote as posted; a member the vote does not have is a 400 naming it, as for every other body. */
    private static Decision bind(JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        try {
            return DECISION.readValue(body);
        } catch (JsonMappingException e) {
            throw ProblemException.validation(List.of(JsonProblems.violation(e)));
        } catch (IOException e) {
            throw ProblemException.invalidField("(body)", "type", "a decision object is expected");
        }
    }

    /**
     * Missing ({@code required}) or blank after Unicode white space and format characters ({@code notBlank}):
     * a justification of zero-width spaces says nothing.
     */
    static Optional<Violation> requiredText(String field, String value, String message) {
        if (value == null) {
            return Optional.of(new Violation(field, "required", message));
        }
        if (Text.isBlank(value)) {
            return Optional.of(new Violation(field, Text.NOT_BLANK, message + "; blank text says nothing"));
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || Text.isBlank(s) ? null : s;
    }

    /** The queue position a cursor names ({@code <deadline>|<reviewId>}), null when it names none. */
    private static ReviewRepository.Cursor cursor(String position) {
        int bar = position.indexOf('|');
        return bar < 0
                ? null
                : new ReviewRepository.Cursor(Instant.parse(position.substring(0, bar)), position.substring(bar + 1));
    }
}
