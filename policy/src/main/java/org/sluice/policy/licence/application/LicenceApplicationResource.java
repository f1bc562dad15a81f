package org.sluice.policy.licence.application;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.sluice.events.Principal;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.json.Json;
import org.sluice.events.schema.Violation;
import org.sluice.platform.input.Text;
import org.sluice.platform.problem.JsonProblems;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.paging.Page;

/**
 * {@code /api/v1/licence-applications}: institutions apply for individual licences and withdraw them;
 * export-control officers read the queue and vote (docs/api/policy.md#licence-applications).
 */
@Path("/api/v1/licence-applications")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceApplicationResource {

    /** The header that marks the answer to a retry. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The position in a cursor of the applications' list: the offset of the next page. */
    private static final String OFFSET = "o:";

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final ObjectReader APPLICATION =
            Json.mapper().readerFor(ApplicationForm.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader VOTE =
            Json.mapper().readerFor(VoteForm.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader WITHDRAWAL =
            Json.mapper().readerFor(Withdrawal.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Set<String> APPLICATION_MEMBERS = Set.of(
            "destinationCountry",
            "partnerId",
            "categories",
            "purpose",
            "endUsers",
            "quotaBytes",
            "quotaTransfers",
            "validFrom",
            "validUntil");
    private static final Set<String> PURPOSE_MEMBERS = Set.of("duo", "disease", "commercial", "description");
    private static final Set<String> END_USER_MEMBERS = Set.of("name", "organisation", "country");
    private static final Set<String> VOTE_MEMBERS = Set.of("vote", "justification", "terms");
    private static final Set<String> TERMS_MEMBERS = Set.of(
            "validFrom",
            "validUntil",
            "quotaBytes",
            "quotaTransfers",
            "postShipmentVerification",
            "verificationDays",
            "conditions");

    private final LicenceApplications service;
    private final ApplicationRepository applications;
    private final CurrentPrincipal principal;
    private final PolicyConfig.LicenceApplicationsConfig config;

    public LicenceApplicationResource(
            LicenceApplications service,
            ApplicationRepository applications,
            CurrentPrincipal principal,
            PolicyConfig config) {
        this.service = service;
        this.applications = applications;
        this.principal = principal;
        this.config = config.licenceApplications();
    }

    /**
     * A withdrawal as posted.
     *
     * @param reason why (required, not blank)
     */
    public record Withdrawal(String reason) {}

    @POST
    @RolesAllowed(Roles.SUBMITTER)
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationForm.class)))
    public Response apply(JsonNode body, @Context HttpHeaders headers) {
        String institution = principal.requireInstitution();
        Optional<String> key = idempotencyKey(headers);
        ApplicationForm form = bind(body, APPLICATION, application(body), "an application");
        List<Violation> errors = form.validate(config.maxValidity());
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        LicenceApplications.Applied applied =
                service.apply(institution, principal.get(), form.draft(), key, sha256(body));
        Response.ResponseBuilder response = Response.created(URI.create(
                        "/api/v1/licence-applications/" + applied.application().applicationId()))
                .entity(service.view(applied.application()));
        if (applied.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    public Page<LicenceApplication> list(
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("after") String after) {
        List<Violation> errors = new ArrayList<>();
        ApplicationStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = ApplicationStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("status", "enum", "status must be PENDING, GRANTED, REFUSED or WITHDRAWN"));
            }
        }
        int size = Page.limit(limit, config.maxPageSize(), errors);
        Integer from = Page.after(after, LicenceApplicationResource::offset, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        int offset = from == null ? 0 : from;
        Principal me = principal.get();
        List<Application> rows = officer(me)
                ? applications.queue(filter, offset, size + 1)
                : applications.ofInstitution(principal.requireInstitution(), filter, offset, size + 1);
        return Page.of(rows, size, last -> OFFSET + (offset + size)).map(service::view);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    public LicenceApplication get(@PathParam("id") String id) {
        return service.view(visible(id));
    }

    @POST
    @Path("{id}/votes")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(schema = @Schema(implementation = VoteForm.class)))
    public LicenceApplication vote(@PathParam("id") String id, JsonNode body) {
        VoteForm form = bind(body, VOTE, vote(body), "a vote");
        List<Violation> errors = form.validate();
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Application after = service.vote(
                id,
                new ApplicationRules.Ballot(
                        form.parsedVote(), form.justification().strip(), form.licenceTerms()),
                principal.get());
        return service.view(applications.find(after.applicationId()).orElseThrow());
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed(Roles.SUBMITTER)
    @Consumes(MediaType.APPLICATION_JSON)
    public LicenceApplication withdraw(@PathParam("id") String id, JsonNode body) {
        String institution = principal.requireInstitution();
        Withdrawal w = bind(body, WITHDRAWAL, unknown(body, Set.of("reason"), ""), "a withdrawal");
        List<Violation> errors = new ArrayList<>();
        ApplicationForm.text("reason", w.reason(), 4000, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return service.view(service.withdraw(id, institution, w.reason().strip(), principal.get()));
    }

    /** The application if the caller may see it: officers see all, submitters their institution's. */
    private Application visible(String id) {
        Principal me = principal.get();
        Optional<Application> a = applications.find(id);
        if (!officer(me)) {
            String institution = principal.requireInstitution();
            a = a.filter(x -> x.institutionId().equals(institution));
        }
        return a.orElseThrow(() -> ProblemException.notFound("licence application " + id));
    }

    private static boolean officer(Principal p) {
        return p.hasRole(Roles.REVIEWER) || p.hasRole(Roles.SENIOR_REVIEWER);
    }

    /** Binds the body; every unknown member (found before binding) and every type error is a 400 naming it. */
    private static <T> T bind(JsonNode body, ObjectReader reader, List<Violation> unknown, String what) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalidField("(body)", "required", what + " is required");
        }
        if (!body.isObject()) {
            throw ProblemException.invalidField("(body)", "type", what + " object is expected");
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.validation(unknown);
        }
        try {
            return reader.readValue(body);
        } catch (JsonMappingException e) {
            throw ProblemException.validation(List.of(JsonProblems.violation(e)));
        } catch (IOException e) {
            throw ProblemException.invalidField("(body)", "type", what + " object is expected");
        }
    }

    private static List<Violation> application(JsonNode body) {
        List<Violation> out = new ArrayList<>(unknown(body, APPLICATION_MEMBERS, ""));
        if (body != null && body.path("purpose").isObject()) {
            out.addAll(unknown(body.get("purpose"), PURPOSE_MEMBERS, "purpose."));
        }
        if (body != null && body.path("endUsers").isArray()) {
            for (int i = 0; i < body.get("endUsers").size(); i++) {
                out.addAll(unknown(body.get("endUsers").get(i), END_USER_MEMBERS, "endUsers[" + i + "]."));
            }
        }
        return out;
    }

    private static List<Violation> vote(JsonNode body) {
        List<Violation> out = new ArrayList<>(unknown(body, VOTE_MEMBERS, ""));
        if (body != null && body.path("terms").isObject()) {
            out.addAll(unknown(body.get("terms"), TERMS_MEMBERS, "terms."));
        }
        return out;
    }

    private static List<Violation> unknown(JsonNode node, Set<String> members, String prefix) {
        List<Violation> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                out.add(new Violation(prefix + name, "additionalProperties", "unknown member " + name));
            }
        }
        return out;
    }

    /** The optional {@code Idempotency-Key}: one, 1 to 255 printable ASCII characters (400 otherwise). */
    static Optional<String> idempotencyKey(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(IDEMPOTENCY_KEY);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, "maxItems", "one key per request");
        }
        String key = values.get(0) == null ? "" : values.get(0);
        if (Text.isBlank(key)) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, Text.NOT_BLANK, "an empty key is no key");
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, "pattern", "1 to 255 printable ASCII characters");
        }
        return Optional.of(key);
    }

    private static String sha256(JsonNode body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalJson.toBytes(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The offset the position of a cursor names ({@code o:<offset>}), null when it names none. */
    private static Integer offset(String position) {
        if (!position.startsWith(OFFSET)) {
            return null;
        }
        int offset = Integer.parseInt(position.substring(OFFSET.length()));
        return offset < 0 ? null : offset;
    }
}
