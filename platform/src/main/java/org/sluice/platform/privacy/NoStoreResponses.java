package org.sluice.platform.privacy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.sluice.platform.security.PublicEndpoints;

/**
 * Marks every response under {@code /api/} {@code Cache-Control: no-store}: they carry personal data, and
 * no browser, proxy or gateway cache may keep them. The public endpoints ({@code /api/v1/public/}) and a
 * response whose resource set its own {@code Cache-Control} are left as they are. Registered as a route
 * handler, not a JAX-RS filter, so problems written by Vert.x handlers (414, 431, 401, 403) are covered
 * too.
 */
@ApplicationScoped
public class NoStoreResponses {

    static final String API = "/api/";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::mark);
    }

    private void mark(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && path.startsWith(API) && !PublicEndpoints.isPublicApi(path)) {
            ctx.addHeadersEndHandler(ignored -> {
                if (!ctx.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        ctx.next();
    }
}
