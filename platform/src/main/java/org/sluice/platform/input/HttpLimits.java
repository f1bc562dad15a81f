package org.sluice.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.sluice.events.json.Json;
import org.sluice.platform.PlatformConfig;
import org.sluice.platform.problem.Problem;

/**
 * Answers an over-long request target (414) or over-large headers (431) with a problem document before
 * any route runs. The HTTP codec's own limits are set far above these (see {@code SluiceConfigSource}),
 * so requests reach this check instead of the codec's empty answer.
 */
@ApplicationScoped
public class HttpLimits {

    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final String baseUri;

    public HttpLimits(PlatformConfig config) {
        this.maxUriLength = config.input().maxUriLength();
        this.maxHeaderBytes = config.input().maxHeaderBytes();
        this.baseUri = config.problems().baseUri();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUriLength) {
            refuse(
                    ctx,
                    414,
                    "uri-too-long",
                    "URI too long",
                    "the request target is longer than " + maxUriLength + " characters");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4L;
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(
                    ctx,
                    431,
                    "headers-too-large",
                    "Request headers too large",
                    "the request headers are larger than " + maxHeaderBytes + " bytes");
            return;
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        Problem problem = new Problem(baseUri + slug, title, status, detail, null, List.of());
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.mapper().writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }
}
