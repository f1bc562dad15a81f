package org.sluice.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sluice.events.schema.Violation;
import org.sluice.platform.PlatformConfig;

/**
 * The one place a service turns failures into RFC 9457 problem+json answers. Unexpected errors are logged
 * once here with an incident id that the answer repeats; no stack trace ever reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final String baseUri;

    public ProblemMappers(PlatformConfig config) {
        this.baseUri = config.problems().baseUri();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = build(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return build(403, "forbidden", "Forbidden", "your role does not allow this request", uri, List.of())
                .build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && JsonProblems.namesField(mapping)) {
            return problem(ProblemException.validation(List.of(JsonProblems.violation(mapping))), uri);
        }
        return problem(JsonProblems.malformed(e), uri);
    }

    /** Jackson's own mapper for this subtype would otherwise win over {@link #unreadableJson}. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthorized(uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers a path or query parameter that does not convert with 404; it is a bad request
            var unconvertible = ParameterTypes.unconvertible(resource, uri);
            if (unconvertible.isPresent()) {
                return problem(ProblemException.validation(List.of(unconvertible.get())), uri);
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri); // Quarkus REST wraps body-reading failures
            }
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        String detail = status >= 500 ? "the service could not complete the request" : firstLine(e.getMessage());
        return build(status, slug, title, detail, uri, List.of()).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, uri.getPath());
        return build(
                        500,
                        "internal",
                        "Internal error",
                        "the service failed unexpectedly; quote incident " + incident + " to the operators",
                        uri,
                        List.of())
                .build();
    }

    private Response unauthorized(UriInfo uri) {
        return build(401, "unauthorized", "Not authenticated", "a valid bearer token is required", uri, List.of())
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private Response.ResponseBuilder build(
            int status, String slug, String title, String detail, UriInfo uri, List<Violation> errors) {
        Problem problem =
                new Problem(baseUri + slug, title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
