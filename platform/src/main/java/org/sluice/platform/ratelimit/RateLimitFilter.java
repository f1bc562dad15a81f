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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.sluice.platform.PlatformConfig;
import org.sluice.platform.problem.Problem;
import org.sluice.platform.security.CurrentPrincipal;

/**
 * Charges each API request to its principal and the principal's institution (public endpoints to the
 * remote address) in its {@link Family}, and answers 429 with {@code Retry-After} and a
 * {@code rate-limited} problem when a bucket is empty. Uploads are charged their {@code Content-Length}
 * in bytes, a body of unknown length (chunked) as the whole burst. Unauthenticated calls to non-public
 * endpoints are left to authentication, which refuses them.
 */
public class RateLimitFilter {

    static final String SLUG = "rate-limited";

    private final PlatformConfig.RateLimitConfig config;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String baseUri;

    public RateLimitFilter(
            PlatformConfig config, CurrentIdentityAssociation identities, Clock clock, MeterRegistry meters) {
        this.config = config.rateLimit();
        this.limiter = new RateLimiter(limitsOf(this.config), this.config.maxEntries());
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
        long cost = family == Family.UPLOAD ? uploadCost(request) : 1;
        if (cost == 0) {
            return Uni.createFrom().nullItem(); // an empty body: the resource answers it
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
        String detail = "the " + family.key() + " limit is " + limit.rate() + unit + " a second with a burst of "
                + limit.burst() + "; retry after " + verdict.retryAfterSeconds() + " s";
        Problem problem = new Problem(baseUri + SLUG, "Too many requests", 429, detail, null, List.of());
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, verdict.retryAfterSeconds())
                .entity(problem)
                .build();
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * TokenBucket.SCALE + now.getNano();
    }

    /** The body's length; {@link Long#MAX_VALUE} (charged as the burst) when it is not known beforehand. */
    private static long uploadCost(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Math.max(0, Long.parseLong(length.trim()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // the resource refuses a broken Content-Length itself
        }
    }

    private static String institutionOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String institution = CurrentPrincipal.claim(token, CurrentPrincipal.INSTITUTION_CLAIM);
            return institution == null || institution.isBlank() ? null : institution;
        }
        return null;
    }

    /** Each family's limits, read once: a caller bucket, and an institution bucket where configured. */
    static Function<Family, RateLimiter.Limits> limitsOf(PlatformConfig.RateLimitConfig config) {
        Map<Family, RateLimiter.Limits> limits = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            PlatformConfig.FamilyLimits configured = config.of(family);
            Limit institution = configured.institutionRate().isPresent()
                    ? new Limit(
                            configured.institutionRate().getAsLong(),
                            configured.institutionBurst().orElse(configured.burst()))
                    : null;
            limits.put(family, new RateLimiter.Limits(new Limit(configured.rate(), configured.burst()), institution));
        }
        return limits::get;
    }
}
