package org.sluice.gateway.licence;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.transfer.TransferResource;
import org.sluice.platform.problem.Problem;
import org.sluice.platform.problem.ProblemException;

/**
 * Relays a submitter's licence application calls to the policy service under the caller's own token: policy
 * decides who may see and do what, the gateway passes its answer on (status, body, problem) with the
 * {@code Location} pointing at the gateway.
 */
@ApplicationScoped
public class LicenceApplicationService {

    private static final Logger LOG = Logger.getLogger(LicenceApplicationService.class);

    private final LicenceApplicationsApi policy;

    @Inject
    public LicenceApplicationService(GatewayConfig config) {
        this(config.policy().url(), config.policy().timeout());
    }

    /** A relay to the policy service at {@code url}, waiting at most {@code timeout} for each answer. */
    LicenceApplicationService(URI url, Duration timeout) {
        this.policy = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                // policy's 4xx problems are relayed to the caller, not turned into exceptions here
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(LicenceApplicationsApi.class);
    }

    /** {@code POST /api/v1/licence-applications}. */
    public Response apply(String authorization, Optional<String> idempotencyKey, JsonNode application) {
        return relay("apply", () -> policy.apply(authorization, idempotencyKey.orElse(null), application));
    }

    /** {@code GET /api/v1/licence-applications}. */
    public Response list(String authorization, String status, String limit, String after) {
        return relay("list", () -> policy.list(authorization, status, limit, after));
    }

    /** {@code GET /api/v1/licence-applications/{id}}. */
    public Response get(String authorization, String id) {
        return relay("get", () -> policy.get(authorization, id));
    }

    /** {@code POST /api/v1/licence-applications/{id}/withdrawal}. */
    public Response withdraw(String authorization, String id, JsonNode withdrawal) {
        return relay("withdrawal", () -> policy.withdraw(authorization, id, withdrawal));
    }

    private static Response relay(String call, Supplier<Response> request) {
        Response answer;
        try {
            answer = request.get();
        } catch (ProcessingException e) {
            LOG.warnf("policy licence application %s failed: %s", call, e.toString());
            throw unavailable("the policy service did not answer");
        }
        try (answer) {
            int status = answer.getStatus();
            if (status >= 200 && status < 300 && isJson(answer)) {
                JsonNode body = answer.readEntity(JsonNode.class);
                Response.ResponseBuilder relayed = Response.status(status)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(body);
                location(answer.getHeaderString(HttpHeaders.LOCATION))
                        .ifPresent(path -> relayed.location(URI.create(path)));
                String replayed = answer.getHeaderString(TransferResource.REPLAYED_HEADER);
                if (replayed != null) {
                    relayed.header(TransferResource.REPLAYED_HEADER, replayed);
                }
                return relayed.build();
            }
            if (status >= 400 && status < 500 && isProblem(answer)) {
                return Response.status(status)
                        .type(Problem.MEDIA_TYPE)
                        .entity(answer.readEntity(JsonNode.class))
                        .build();
            }
            LOG.warnf("policy licence application %s answered %d", call, status);
            throw unavailable("the policy service answered " + status);
        } catch (ProcessingException e) {
            LOG.warnf("policy licence application %s answer unreadable: %s", call, e.toString());
            throw unavailable("the policy service's answer was unreadable");
        }
    }

    /**
     * Where the created application is on the gateway: policy's {@code Location} names it on the policy service
     * (possibly absolute, under another host and prefix); the gateway serves it at the same path under its own.
     */
    static Optional<String> location(String upstream) {
        if (upstream == null) {
            return Optional.empty();
        }
        String path;
        try {
            path = URI.create(upstream.strip()).getRawPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String marker = LicencePaths.BASE + "/";
        int at = path == null ? -1 : path.lastIndexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        String id = path.substring(at + marker.length());
        if (id.isEmpty() || id.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(LicencePaths.application(id));
    }

    private static boolean isJson(Response answer) {
        MediaType type = answer.getMediaType();
        return type != null && "json".equals(type.getSubtype());
    }

    private static boolean isProblem(Response answer) {
        MediaType type = answer.getMediaType();
        return type != null && "problem+json".equals(type.getSubtype());
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(502, "policy-unavailable", "Policy service unavailable", detail, List.of());
    }
}
