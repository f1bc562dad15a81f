package org.sluice.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.messaging.InboundEvents;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** A tiny service built on the platform, the way gateway, policy and audit use it. */
@Path("/probe")
public class ProbeApplication {

    private final Outbox outbox;
    private final EventPublisher publisher;
    private final CurrentPrincipal principal;
    private final InboundEvents inbound;
    private final DataSource dataSource;

    public ProbeApplication(
            Outbox outbox,
            EventPublisher publisher,
            CurrentPrincipal principal,
            InboundEvents inbound,
            DataSource dataSource) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.principal = principal;
        this.inbound = inbound;
        this.dataSource = dataSource;
    }

    @POST
    @Path("/cancel/{transferId}")
    @RolesAllowed(Roles.SUBMITTER)
    @Transactional
    public String cancel(@PathParam("transferId") String transferId, @QueryParam("fail") boolean fail) {
        var event = publisher.event(
                principal.get(), new TransferCancelled(transferId, principal.requireInstitution(), null));
        outbox.add(event);
        if (fail) {
            throw ProblemException.conflict("probe-failed", "Probe failed", "rolled back on purpose");
        }
        return event.id();
    }

    @POST
    @Path("/echo")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode echo(JsonNode body) {
        return body;
    }

    /** A body bound to a record, the way policy reads votes. */
    public record Note(String name, String justification, java.util.List<String> tags, Integer count) {}

    @POST
    @Path("/notes")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public String note(Note note) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO probe_notes (name, justification) VALUES (?, ?)")) {
            ps.setString(1, note.name());
            ps.setString(2, note.justification());
            ps.executeUpdate();
        }
        return note.name();
    }

    /** A body read as a stream, the way the gateway reads transfer requests. */
    @POST
    @Path("/stream")
    @RolesAllowed(Roles.ADMIN)
    public String stream(java.io.InputStream body) throws java.io.IOException {
        return Integer.toString(body.readAllBytes().length);
    }

    @jakarta.ws.rs.GET
    @Path("/notes/{name}")
    @RolesAllowed(Roles.ADMIN)
    public String lookup(@PathParam("name") String name, @QueryParam("category") String category)
            throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM probe_notes WHERE name = ? OR name = ?")) {
            ps.setString(1, name);
            ps.setString(2, category == null ? "" : category);
            var rs = ps.executeQuery();
            rs.next();
            return Long.toString(rs.getLong(1));
        }
    }

    @jakarta.ws.rs.GET
    @Path("/page")
    @RolesAllowed(Roles.ADMIN)
    public String page(@QueryParam("before") Long before) {
        return String.valueOf(before);
    }

    @Incoming("probe")
    @Blocking
    public void consume(byte[] record) {
        inbound.handle("probe", record, event -> {
            if (event.subject().startsWith("tr-poison")) {
                throw new org.sluice.platform.messaging.PoisonRecordException("refused on purpose");
            }
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO probe_effects (event_id, transfer_id, applied) VALUES (?, ?, 1)"
                                    + " ON CONFLICT (event_id) DO UPDATE SET applied = probe_effects.applied + 1")) {
                ps.setString(1, event.id());
                ps.setString(2, event.subject());
                ps.executeUpdate();
            }
        });
    }
}
