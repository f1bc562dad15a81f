package org.sluice.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.sluice.platform.PlatformConfig;
import org.sluice.platform.problem.Problem;
import org.sluice.platform.security.CurrentPrincipal;

/**
 * Charges each API request to its principal and the principal's institution (public endpoints to the
 * remote address) in its {@link Family}, and answers 429 with {@code Retry-After} and a
 * {@code rate-limited} problem when a bucket is empty; an upload body larger than the burst is a 413.
 * Unauthenticated calls to non-public endpoints are left to authentication, which refuses them.
 */
public class RateLimitFilter {

    static final String SLUG = "rate-limited";
    static final String OVER_BURST_SLUG = "over-rate-limit-burst";

    private final PlatformConfig.RateLimitConfig config;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String baseUri;

    public RateLimitFilter(
            PlatformConfig config, CurrentIdentityAssociation identities, Clock clock, MeterRegistry meters) {
        this.config = config.rateLimit();
        this.limiter = new RateLimiter(RateLimitFilter.limitsOf(this.config), this.config.maxEntries());
        this.identities = identities;
        this.clock = clock;
        this.meters = meters;
        this.baseUri = config.problems().baseUri();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public Uni<Response> check(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getPath();
        Family family = Family.of(request.getMethod(), path);
        long cost = family == Family.UPLOAD ? contentLength(request) : 1;
        if (cost <= 0) {
            return Uni.createFrom().nullItem(); // a chunked body of unknown length is charged by nothing here
        }
        if (family == Family.PUBLIC) {
            String address = http.remoteAddress() == null
                    ? "unknown"
                    : http.remoteAddress().hostAddress();
            return Uni.createFrom().item(decide(family, "address:" + address, null, cost));
        }
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .map(identity -> identity == null || identity.isAnonymous()
                        ? null
                        : decide(family, identity.getPrincipal().getName(), institutionOf(identity), cost));
    }

    private Response decide(Family family, String caller, String institution, long cost) {
        RateLimiter.Verdict verdict = limiter.charge(family, caller, institution, cost, nowNanos());
        if (verdict.admitted()) {
            return null;
        }
        meters.counter("sluice.platform.rate.limited", "family", family.key()).increment();
        Limit limit = verdict.limit();
        String unit = family == Family.UPLOAD ? " bytes" : " requests";
        if (verdict.never()) {
            return problem(
                    413,
                    OVER_BURST_SLUG,
                    "Larger than the rate limit's burst",
                    "the " + family.key() + " limit allows at most " + limit.burst() + unit
                            + " at once; send the body in smaller chunks (Content-Range)",
                    null);
        }
        return problem(
                429,
                SLUG,
                "Too many requests",
                "the " + family.key() + " limit is " + limit.rate() + unit + " a second with a burst of "
                        + limit.burst() + "; retry after " + verdict.retryAfterSeconds() + " s",
                verdict.retryAfterSeconds());
    }

    private Response problem(int status, String slug, String title, String detail, Long retryAfter) {
        Problem problem = new Problem(baseUri + slug, title, status, detail, null, List.of());
        Response.ResponseBuilder response =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.build();
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * TokenBucket.SCALE + now.getNano();
    }

    private static long contentLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the resource refuses a broken Content-Length itself
        }
    }

    private static String institutionOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String institution = CurrentPrincipal.claim(token, CurrentPrincipal.INSTITUTION_CLAIM);
            return institution == null || institution.isBlank() ? null : institution;
        }
        return null;
    }

    static java.util.function.Function<Family, RateLimiter.Limits> limitsOf(PlatformConfig.RateLimitConfig config) {
        var submit = limits(
                config.submit().rate(),
                config.submit().burst(),
                config.submit().institutionRate(),
                config.submit().institutionBurst());
        var upload = limits(
                config.upload().rate(),
                config.upload().burst(),
                config.upload().institutionRate(),
                config.upload().institutionBurst());
        var read = limits(
                config.read().rate(),
                config.read().burst(),
                config.read().institutionRate(),
                config.read().institutionBurst());
        var review = limits(
                config.review().rate(),
                config.review().burst(),
                config.review().institutionRate(),
                config.review().institutionBurst());
        var admin = limits(
                config.admin().rate(),
                config.admin().burst(),
                config.admin().institutionRate(),
                config.admin().institutionBurst());
        var open = new RateLimiter.Limits(
                new Limit(
                        config.publicEndpoints().rate(),
                        config.publicEndpoints().burst()),
                null);
        return family -> switch (family) {
            case SUBMIT -> submit;
            case UPLOAD -> upload;
            case READ -> read;
            case REVIEW -> review;
            case ADMIN -> admin;
            case PUBLIC -> open;
        };
    }

    private static RateLimiter.Limits limits(long rate, long burst, long institutionRate, long institutionBurst) {
        return new RateLimiter.Limits(new Limit(rate, burst), new Limit(institutionRate, institutionBurst));
    }
}
