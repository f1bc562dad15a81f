package org.sluice.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sluice.events.Principal;
import org.sluice.events.security.AccessDenied;
import org.sluice.platform.PlatformConfig;
import org.sluice.platform.messaging.EventPublisher;

/**
 * Publishes an {@link AccessDenied} event for every 401 and 403 this service answers, so the audit
 * consumer can alert on bursts. Capped per second: a flood of bad requests must not become a flood of
 * events; what is over the cap is counted in {@code sluice.security.access_denied.dropped}.
 */
@ApplicationScoped
public class AccessDeniedReporter {

    private final EventPublisher publisher;
    private final String service;
    private final int maxPerSecond;
    private final Counter reported;
    private final Counter dropped;
    private final AtomicLong currentSecond = new AtomicLong();
    private final AtomicInteger inCurrentSecond = new AtomicInteger();

    public AccessDeniedReporter(EventPublisher publisher, PlatformConfig config, MeterRegistry meters) {
        this.publisher = publisher;
        this.service = config.serviceName();
        this.maxPerSecond = config.access().maxEventsPerSecond();
        this.reported = meters.counter("sluice.security.access_denied.reported");
        this.dropped = meters.counter("sluice.security.access_denied.dropped");
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::observe);
    }

    private void observe(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            int status = ctx.response().getStatusCode();
            if (status == 401 || status == 403) {
                report(ctx, status);
            }
        });
        ctx.next();
    }

    private void report(RoutingContext ctx, int status) {
        if (!admit()) {
            dropped.increment();
            return;
        }
        Principal actor = actor(ctx);
        String remote = ctx.request().remoteAddress() == null
                ? null
                : ctx.request().remoteAddress().host();
        String reason = status == 401 ? "not authenticated" : "not permitted";
        AccessDenied data = new AccessDenied(
                service, status, ctx.request().method().name(), ctx.request().path(), remote, reason);
        publisher.publish(publisher.event(actor, data));
        reported.increment();
    }

    private static Principal actor(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            var identity = user.getSecurityIdentity();
            return new Principal(identity.getPrincipal().getName(), List.copyOf(identity.getRoles()), null, null);
        }
        return new Principal("anonymous", List.of(), null, null);
    }

    private boolean admit() {
        long second = System.currentTimeMillis() / 1000;
        if (currentSecond.getAndSet(second) != second) {
            inCurrentSecond.set(0);
        }
        return inCurrentSecond.incrementAndGet() <= maxPerSecond;
    }
}
