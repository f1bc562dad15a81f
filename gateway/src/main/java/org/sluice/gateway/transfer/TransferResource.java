package org.sluice.gateway.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.sluice.gateway.JsonBody;
import org.sluice.gateway.review.ReviewView;
import org.sluice.platform.input.TextLimits;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** The submitter API of transfers: submit, follow, cancel (appeals: {@code review.AppealResource}). */
@Path(TransferPaths.BASE)
@RolesAllowed(Roles.SUBMITTER)
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

    /** Set on the answer to a retried submission (same key, same body). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final SubmissionService submissions;
    private final TransferStatus status;
    private final CancellationService cancellations;
    private final TransferEvents events;
    private final CurrentPrincipal principal;
    private final TextLimits limits;

    public TransferResource(
            SubmissionService submissions,
            TransferStatus status,
            CancellationService cancellations,
            TransferEvents events,
            CurrentPrincipal principal,
            TextLimits limits) {
        this.submissions = submissions;
        this.status = status;
        this.cancellations = cancellations;
        this.events = events;
        this.principal = principal;
        this.limits = limits;
    }

    /** Submits a transfer request: 201 with its id and where to upload the payload. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Parameter(
            name = IdempotencyKeys.HEADER,
            in = ParameterIn.HEADER,
            description = "optional; 1 to 255 printable ASCII characters")
    public Response submit(@Context HttpHeaders headers, InputStream body) {
        String institution = principal.requireInstitution();
        Optional<String> idempotencyKey = IdempotencyKeys.from(headers);
        JsonNode tree = JsonBody.read(body, limits.forJsonBody());
        SubmissionService.Submitted submitted = submissions.submit(tree, principal.get(), institution, idempotencyKey);
        Response.ResponseBuilder response = Response.created(
                        URI.create(TransferPaths.transfer(submitted.transfer().id())))
                .entity(TransferCreated.of(submitted.transfer()));
        if (submitted.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    /**
     * The institution's transfers, newest first, filtered by state (repeatable or comma-separated), partner,
     * destination country, dataset category and creation day ({@code from}/{@code to}, ISO dates, inclusive,
     * UTC); {@code limit} (1 to 200, default 50) per page, the next page {@code after} the previous page's
     * {@code next}.
     */
    @GET
    public TransferPage list(
            @QueryParam("state") List<String> state,
            @QueryParam("partnerId") String partnerId,
            @QueryParam("country") String country,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        String institution = principal.requireInstitution();
        return status.list(
                institution, TransferFilter.parse(state, partnerId, country, category, from, to, limit, after));
    }

    /** A transfer's state, decision with every reason, history and package. */
    @GET
    @Path("/{id}")
    public TransferView get(@PathParam("id") String id) {
        return status.view(id, principal.requireInstitution());
    }

    /**
     * Server-sent events of the transfer's state changes: every change so far, then each new one, until it
     * reaches a final state ({@code state} events). Each of those has its position as id, so a client reconnects
     * with {@code Last-Event-ID} and misses nothing. While in review, {@code review} events show the case:
     * deadline, escalation and time in review.
     */
    @GET
    @Blocking
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(
            @PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        status.owned(id, principal.requireInstitution());
        long after = parseLastEventId(lastEventId);
        return events.follow(id, after)
                .map(item -> item.change() != null
                        ? sse.newEventBuilder()
                                .id(Long.toString(item.change().seq()))
                                .name("state")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(HistoryEntry.class, item.change().entry())
                                .build()
                        // no id: a reconnecting client resumes after the last state change and is shown the case again
                        : sse.newEventBuilder()
                                .name("review")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(ReviewView.class, item.review())
                                .build());
    }

    private static long parseLastEventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("Last-Event-ID", "type", "an event id of this stream is expected");
        }
    }

    /** Cancels a transfer not yet sealed; its staged data is purged. */
    @DELETE
    @Path("/{id}")
    public TransferView cancel(@PathParam("id") String id, @QueryParam("reason") String reason) {
        String institution = principal.requireInstitution();
        cancellations.cancel(id, institution, principal.get(), reason);
        return status.view(id, institution);
    }
}
