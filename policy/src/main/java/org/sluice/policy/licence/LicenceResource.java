package org.sluice.policy.licence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.sluice.events.Principal;
import org.sluice.events.policy.ChangeKind;
import org.sluice.events.policy.LicenceChanged;
import org.sluice.events.schema.Violation;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;
import org.sluice.policy.world.Licence;
import org.sluice.policy.world.WorldYaml;
import org.sluice.policy.yaml.YamlException;
import org.sluice.policy.yaml.YamlNodes;

/**
 * Licence administration: list, read, create or replace (JSON or YAML in the shape of a
 * {@code licences.yaml} entry), revoke. Every change publishes {@code LicenceChanged}, which re-decides
 * the open transfers.
 */
@Path("/api/v1/admin/licences")
@RolesAllowed(Roles.ADMIN)
public class LicenceResource {

    private final LicenceRepository licences;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final CurrentPrincipal principal;

    public LicenceResource(
            LicenceRepository licences, Outbox outbox, EventPublisher publisher, CurrentPrincipal principal) {
        this.licences = licences;
        this.outbox = outbox;
        this.publisher = publisher;
        this.principal = principal;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Licence> list() {
        return licences.all();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Licence get(@PathParam("id") String id) {
        return licences.find(id).orElseThrow(() -> ProblemException.notFound("licence " + id));
    }

    @PUT
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Licence put(@PathParam("id") String id, String body) {
        Licence licence;
        try {
            licence = WorldYaml.licence(YamlNodes.parse(body == null ? "" : body));
        } catch (YamlException e) {
            throw ProblemException.validation(List.of(new Violation("line " + e.line(), "licence", e.getMessage())));
        }
        if (!licence.id().equals(id)) {
            throw ProblemException.invalidField("id", "path", "the body's id '" + licence.id() + "' is not " + id);
        }
        Optional<Licence> before = licences.upsert(licence);
        announce(principal.get(), licence, before.isEmpty() ? ChangeKind.CREATED : ChangeKind.UPDATED);
        return licence;
    }

    @POST
    @Path("/{id}/revocation")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Licence revoke(@PathParam("id") String id) {
        Licence licence = licences.find(id).orElseThrow(() -> ProblemException.notFound("licence " + id));
        if (licence.status().equals(Licence.REVOKED)) {
            throw ProblemException.conflict(
                    "already-revoked", "Licence already revoked", "licence " + id + " is revoked");
        }
        licences.setStatus(id, Licence.REVOKED);
        Licence revoked = licences.find(id).orElseThrow();
        announce(principal.get(), revoked, ChangeKind.REVOKED);
        return revoked;
    }

    private void announce(Principal by, Licence l, ChangeKind change) {
        outbox.add(publisher.event(
                by,
                new LicenceChanged(l.id(), change, l.type(), l.status(), l.holder(), l.validFrom(), l.validUntil())));
    }
}
