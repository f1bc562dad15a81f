package org.sluice.policy.bundle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.engine.CompiledBundle;

/**
 * Bundle administration: upload a bundle folder as a zip archive (verified: parsed, compiled, its test
 * cases run), activate an uploaded bundle, read the active one.
 */
@Path("/api/v1/admin/bundles")
public class BundleResource {

    private final BundleService bundles;
    private final CurrentPrincipal principal;
    private final PolicyConfig config;

    public BundleResource(BundleService bundles, CurrentPrincipal principal, PolicyConfig config) {
        this.bundles = bundles;
        this.principal = principal;
        this.config = config;
    }

    /**
     * A bundle as the API shows it.
     *
     * @param bundle id, version and digest
     * @param title its title
     * @param rules number of rules
     * @param testCases number of test cases (all passed)
     */
    public record BundleSummary(BundleRef bundle, String title, int rules, int testCases) {
        static BundleSummary of(CompiledBundle c) {
            return new BundleSummary(
                    c.bundle().ref(),
                    c.bundle().title(),
                    c.bundle().rules().size(),
                    c.bundle().tests().size());
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw ProblemException.invalidField(
                    "(body)", "required", "the body must be a zip archive of a bundle folder");
        }
        if (zip.length > config.limits().documentBytes()) {
            throw ProblemException.invalidField(
                    "(body)",
                    "maxLength",
                    "the archive is larger than " + config.limits().documentBytes() + " bytes");
        }
        BundleSource source;
        try {
            source = BundleSource.fromZip(zip, config.limits().documentBytes());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("(body)", "zip", e.getMessage());
        }
        CompiledBundle compiled = verified(() -> bundles.upload(source));
        return Response.status(201).entity(BundleSummary.of(compiled)).build();
    }

    @POST
    @Path("/{digest}/activation")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public BundleSummary activate(@PathParam("digest") String digest) {
        return BundleSummary.of(verified(() -> bundles.activate(digest, principal.get())
                .orElseThrow(() -> ProblemException.notFound("bundle " + digest))));
    }

    @GET
    @Path("/active")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.SECURITY_ANALYST})
    @Produces(MediaType.APPLICATION_JSON)
    public BundleSummary active() {
        return BundleSummary.of(bundles.active());
    }

    private interface Step {
        CompiledBundle run();
    }

    private static CompiledBundle verified(Step step) {
        try {
            return step.run();
        } catch (BundleRejectedException e) {
            List<Violation> problems = e.problems().stream()
                    .map(p -> new Violation(p.file() + (p.line() > 0 ? ":" + p.line() : ""), "bundle", p.reason()))
                    .toList();
            throw new ProblemException(
                    422,
                    "bundle-rejected",
                    "Bundle rejected",
                    problems.size() + " problem(s); the active bundle is unchanged",
                    problems);
        }
    }
}
