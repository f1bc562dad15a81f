package org.sluice.audit.publicpage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sluice.events.json.Json;

/**
 * Fetches the published criteria from the policy service (server-side, so the page talks to its own
 * origin only and needs no CORS) and keeps them for {@code sluice.audit.public.criteria-cache}. While
 * policy cannot be reached, the last criteria fetched are served; before the first, none.
 */
@ApplicationScoped
public class CriteriaClient {

    private static final Logger LOG = Logger.getLogger(CriteriaClient.class);
    static final String PATH = "api/v1/public/criteria";

    private final PublicPageConfig config;
    private final Clock clock;
    private final HttpClient http;
    private volatile Fetched last;

    public CriteriaClient(PublicPageConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.policyTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private record Fetched(Criteria criteria, Instant at) {}

    /** The criteria, or why there are none. */
    public sealed interface Answer {}

    /** The criteria, as fetched at {@code fetchedAt}. */
    public record Known(Criteria criteria, Instant fetchedAt) implements Answer {}

    /** None can be served. */
    public record Unavailable(String why) implements Answer {}

    public synchronized Answer criteria() {
        Instant now = clock.instant();
        Fetched cached = last;
        if (cached != null && now.isBefore(cached.at().plus(config.criteriaCache()))) {
            return new Known(cached.criteria(), cached.at());
        }
        Optional<URI> base = config.policyUrl();
        if (base.isEmpty()) {
            return new Unavailable("no policy service is configured (sluice.audit.public.policy-url)");
        }
        try {
            Criteria criteria = fetch(base.get());
            last = new Fetched(criteria, now);
            return new Known(criteria, now);
        } catch (IOException e) {
            LOG.warnf("cannot fetch the published criteria from %s: %s", base.get(), e.getMessage());
            if (cached != null) {
                return new Known(cached.criteria(), cached.at());
            }
            return new Unavailable("the policy service did not answer with its criteria");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted while asking the policy service");
        }
    }

    private Criteria fetch(URI base) throws IOException, InterruptedException {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + PATH))
                .timeout(config.policyTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("policy answered " + response.statusCode());
        }
        Criteria criteria = Json.mapper().readValue(response.body(), Criteria.class);
        if (criteria.active() == null || criteria.rules().isEmpty()) {
            throw new IOException("policy's answer names no active bundle or no rule");
        }
        return criteria;
    }
}
