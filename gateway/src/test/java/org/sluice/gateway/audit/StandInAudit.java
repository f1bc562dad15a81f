package org.sluice.gateway.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.crypto.sign.SignatureException;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.events.Event;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.Json;
import org.sluice.platform.security.Roles;
import org.sluice.transparency.receipt.MemoryReceipts;

/**
 * Plays the audit service's receipt endpoint in the gateway's tests (the real pairing is tested end to end
 * in deploy/local): events the test logs and checkpoints get real RFC 9162 receipts under a signed note;
 * any other event is {@code 409 receipt-pending}, as before the next checkpoint. With {@code wait} a request
 * is held until a checkpoint covers its event or the wait is over, as the audit service holds it.
 */
@Path("/test-audit/api/v1/audit/receipts")
@RolesAllowed(Roles.SECURITY_ANALYST)
@Produces(MediaType.APPLICATION_JSON)
public class StandInAudit {

    static final String ORIGIN = "sluice.example/audit";

    private static final List<byte[]> LOG = new ArrayList<>();
    private static final List<String> IDS = new ArrayList<>();
    private static final Map<String, AuditReceipt> RECEIPTS = new ConcurrentHashMap<>();
    private static int held;

    /** Appends events to the log and signs a checkpoint over all of it: their receipts are served from now on. */
    static synchronized void checkpoint(Event<?>... events) {
        for (Event<?> event : events) {
            try {
                LOG.add(CanonicalJson.toBytes(Json.mapper().readTree(new EventCodec().encode(event))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            IDS.add(event.id());
        }
        SigningKey key = logKey();
        for (int i = 0; i < LOG.size(); i++) {
            RECEIPTS.put(IDS.get(i), MemoryReceipts.receipt(LOG, i, IDS.get(i), ORIGIN, key, Instant.now()));
        }
        StandInAudit.class.notifyAll();
    }

    /** Requests being held now. */
    static synchronized int held() {
        return held;
    }

    @GET
    @Path("/{eventId}")
    public Response receipt(@PathParam("eventId") String eventId, @QueryParam("wait") String wait)
            throws InterruptedException {
        AuditReceipt receipt = wait == null ? RECEIPTS.get(eventId) : held(eventId, Duration.parse(wait));
        if (receipt == null) {
            return Response.status(409)
                    .type("application/problem+json")
                    .header("Retry-After", "1")
                    .entity(Map.of(
                            "type", "https://sluice.example/problems/receipt-pending",
                            "title", "Receipt pending",
                            "status", 409))
                    .build();
        }
        return Response.ok(receipt).build();
    }

    private static synchronized AuditReceipt held(String eventId, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        held++;
        try {
            for (long left = wait.toNanos();
                    !RECEIPTS.containsKey(eventId) && left > 0;
                    left = deadline - System.nanoTime()) {
                StandInAudit.class.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return RECEIPTS.get(eventId);
        } finally {
            held--;
        }
    }

    private static SigningKey logKey() {
        try {
            return SigningKey.fromPem(
                    Files.readString(AuditProfile.LOG_KEY_DIR.resolve("audit-log.pem"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SignatureException e) {
            throw new IllegalStateException(e);
        }
    }
}
