package org.sluice.policy.world;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sluice.events.Principal;
import org.sluice.events.policy.ChangeKind;
import org.sluice.events.policy.LicenceChanged;
import org.sluice.events.policy.ReferenceDataChanged;
import org.sluice.events.schema.Violation;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.licence.LicenceRepository;
import org.sluice.policy.yaml.YamlException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code PUT /api/v1/admin/world/{kind}}: imports reference data in the YAML shape of the world files
 * (licences, dsas, emergencies, institutions), upserting every entry in one transaction and announcing
 * each change on {@code sluice.policy.changes}.
 */
@Path("/api/v1/admin/world/{kind}")
public class WorldResource {

    /** The media types accepted for YAML. */
    public static final String YAML = "application/yaml";

    private final ReferenceData reference;
    private final LicenceRepository licences;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final CurrentPrincipal principal;
    private final PolicyConfig config;

    public WorldResource(
            ReferenceData reference,
            LicenceRepository licences,
            Outbox outbox,
            EventPublisher publisher,
            CurrentPrincipal principal,
            PolicyConfig config) {
        this.reference = reference;
        this.licences = licences;
        this.outbox = outbox;
        this.publisher = publisher;
        this.principal = principal;
        this.config = config;
    }

    /**
     * What an import did.
     *
     * @param kind the kind imported
     * @param upserted ids of the entries created or updated, in file order
     */
    public record Imported(String kind, List<String> upserted) {}

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Imported importWorld(@PathParam("kind") String kind, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidField("(body)", "required", "the body must be a YAML document");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > config.limits().documentBytes()) {
            throw ProblemException.invalidField(
                    "(body)",
                    "maxLength",
                    "the document is larger than " + config.limits().documentBytes() + " bytes");
        }
        Principal by = principal.get();
        return switch (kind) {
            case "licences" ->
                new Imported(
                        kind,
                        read(body, kind, WorldYaml::licence).stream()
                                .map(l -> {
                                    Optional<Licence> before = licences.upsert(l);
                                    outbox.add(publisher.event(by, licenceChanged(l, before)));
                                    return l.id();
                                })
                                .toList());
            case "dsas" ->
                new Imported(
                        kind,
                        read(body, kind, WorldYaml::dsa).stream()
                                .map(d -> {
                                    reference.upsert(d);
                                    announce(by, ReferenceDataChanged.DSA, d.id(), d.title() + " (" + d.status() + ")");
                                    return d.id();
                                })
                                .toList());
            case "emergencies" ->
                new Imported(
                        kind,
                        read(body, kind, WorldYaml::emergency).stream()
                                .map(e -> {
                                    reference.upsert(e);
                                    announce(
                                            by,
                                            ReferenceDataChanged.EMERGENCY,
                                            e.id(),
                                            e.title() + " until " + e.sunset());
                                    return e.id();
                                })
                                .toList());
            case "institutions" ->
                new Imported(
                        kind,
                        read(body, kind, WorldYaml::institution).stream()
                                .map(i -> {
                                    reference.upsert(i);
                                    announce(by, ReferenceDataChanged.INSTITUTION, i.id(), i.name());
                                    return i.id();
                                })
                                .toList());
            default -> throw ProblemException.notFound("reference data kind '" + kind + "'");
        };
    }

    private static <T> List<T> read(String body, String kind, Function<Node, T> reader) {
        try {
            return WorldYaml.entries(body, kind, reader);
        } catch (YamlException e) {
            throw ProblemException.validation(List.of(new Violation("line " + e.line(), "yaml", e.getMessage())));
        }
    }

    private void announce(Principal by, String kind, String id, String summary) {
        outbox.add(publisher.event(by, new ReferenceDataChanged(kind, id, ChangeKind.UPDATED, summary)));
    }

    static LicenceChanged licenceChanged(Licence l, Optional<Licence> before) {
        ChangeKind change = before.isEmpty()
                ? ChangeKind.CREATED
                : l.status().equals(Licence.REVOKED) && !before.get().status().equals(Licence.REVOKED)
                        ? ChangeKind.REVOKED
                        : ChangeKind.UPDATED;
        return new LicenceChanged(l.id(), change, l.type(), l.status(), l.holder(), l.validFrom(), l.validUntil());
    }
}
