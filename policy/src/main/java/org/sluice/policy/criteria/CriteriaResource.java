package org.sluice.policy.criteria;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.sluice.platform.security.PublicEndpoints;
import org.sluice.policy.bundle.Bundle;
import org.sluice.policy.bundle.BundleRepository;
import org.sluice.policy.bundle.BundleService;
import org.sluice.policy.criteria.PublishedCriteria.BundleVersion;
import org.sluice.policy.criteria.PublishedCriteria.PublishedRule;

/**
 * {@code GET /api/v1/public/criteria}: the published criteria, for anyone and without a token (the
 * transparency page shows them). Cacheable for a minute: an activation shows within that time.
 */
@Path(PublicEndpoints.API_PREFIX + "criteria")
@PermitAll
public class CriteriaResource {

    /** How many activations the history lists, newest first. */
    static final int HISTORY_LIMIT = 100;

    /** Anyone may cache the answer for a minute, which keeps repeated visits off the database. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final BundleService bundles;
    private final BundleRepository repository;

    public CriteriaResource(BundleService bundles, BundleRepository repository) {
        this.bundles = bundles;
        this.repository = repository;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response criteria() {
        Bundle active = bundles.active().bundle();
        List<BundleVersion> history = repository.activations(HISTORY_LIMIT).stream()
                .map(a -> new BundleVersion(a.bundleId(), a.version(), a.digest(), a.activatedAt()))
                .toList();
        BundleVersion current = history.stream()
                .filter(v -> v.digest().equals(active.digest()))
                .findFirst()
                .orElse(new BundleVersion(active.id(), active.version(), active.digest(), null));
        List<PublishedRule> rules = active.rules().stream()
                .map(r -> new PublishedRule(r.id(), r.title(), r.citation(), r.explanation()))
                .toList();
        return Response.ok(new PublishedCriteria(current, rules, history))
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }
}
