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
