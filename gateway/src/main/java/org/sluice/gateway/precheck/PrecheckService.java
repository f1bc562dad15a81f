package org.sluice.gateway.precheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.sluice.events.decision.Evaluation;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.transfer.SubmissionService;
import org.sluice.platform.problem.Problem;
import org.sluice.platform.problem.ProblemException;

/**
 * Answers "would this be approved?" without staging anything: the request is validated exactly as a real
 * submission, then policy evaluates it under the caller's own token and its answer (or its problem) is
 * relayed.
 */
@ApplicationScoped
public class PrecheckService {

    private static final Logger LOG = Logger.getLogger(PrecheckService.class);

    private final SubmissionService submissions;
    private final PolicyApi policy;

    public PrecheckService(SubmissionService submissions, GatewayConfig config) {
        this.submissions = submissions;
        long timeout = config.policy().timeout().toMillis();
        this.policy = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.policy().url())
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                // policy's 4xx problems are relayed to the caller, not turned into exceptions here
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(PolicyApi.class);
    }

    /** Policy's answer: the evaluation, or its problem with its status. */
    public Response precheck(JsonNode request, String authorization, String explain) {
        submissions.validate(request);
        Response answer;
        try {
            answer = policy.precheck(authorization, explain, request);
        } catch (ProcessingException e) {
            LOG.warnf("policy precheck failed: %s", e.toString());
            throw unavailable("the policy service did not answer");
        }
        try (answer) {
            if (answer.getStatus() == 200) {
                return Response.ok(answer.readEntity(Evaluation.class), MediaType.APPLICATION_JSON_TYPE)
                        .build();
            }
            if (answer.getStatus() >= 400 && answer.getStatus() < 500 && isProblem(answer)) {
                return Response.status(answer.getStatus())
                        .type(Problem.MEDIA_TYPE)
                        .entity(answer.readEntity(JsonNode.class))
                        .build();
            }
            LOG.warnf("policy precheck answered %d", answer.getStatus());
            throw unavailable("the policy service answered " + answer.getStatus());
        } catch (ProcessingException e) {
            LOG.warnf("policy precheck answer unreadable: %s", e.toString());
            throw unavailable("the policy service's answer was unreadable");
        }
    }

    private static boolean isProblem(Response answer) {
        MediaType type = answer.getMediaType();
        return type != null && "problem+json".equals(type.getSubtype());
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(502, "policy-unavailable", "Policy service unavailable", detail, List.of());
    }
}
