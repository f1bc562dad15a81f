package org.sluice.gateway.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sluice.events.Principal;
import org.sluice.gateway.JsonBody;
import org.sluice.gateway.sealing.PackageRecord;
import org.sluice.gateway.sealing.PackageView;
import org.sluice.platform.input.TextLimits;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** The partner API: the packages addressed to the calling partner, their manifests, and acknowledgements. */
@Path("/api/v1/partner/packages")
@RolesAllowed(Roles.PARTNER)
public class PartnerPackageResource {

    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-fA-F]{64}$");

    private final DeliveryService delivery;
    private final CurrentPrincipal principal;
    private final TextLimits limits;

    public PartnerPackageResource(DeliveryService delivery, CurrentPrincipal principal, TextLimits limits) {
        this.delivery = delivery;
        this.principal = principal;
        this.limits = limits;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PackageView> list() {
        return delivery.addressedTo(principal.requirePartner());
    }

    /** The package: its Crypt4GH header, then its body; one byte range on request. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response download(
            @PathParam("id") String id,
            @HeaderParam("Range") String rangeHeader,
            @HeaderParam("If-Range") String ifRange) {
        String partnerId = principal.requirePartner();
        Principal partner = principal.get();
        PackageRecord p = delivery.fetchable(id, partner, partnerId);
        long total = p.packageBytes();
        String etag = "\"" + p.packageId() + "\"";
        Optional<ByteRange> requested;
        try {
            requested =
                    ifRange == null || ifRange.equals(etag) ? ByteRange.parse(rangeHeader, total) : Optional.empty();
        } catch (UnsatisfiableRangeException e) {
            throw new ProblemException(
                    416,
                    "range-not-satisfiable",
                    "Range not satisfiable",
                    e.getMessage(),
                    List.of(),
                    Map.of("Content-Range", "bytes */" + total));
        }
        ByteRange range = requested.orElse(ByteRange.whole(total));
        StreamingOutput body = out -> {
            if (total > 0) {
                delivery.serve(p, range, out, partner);
            }
        };
        Response.ResponseBuilder response = Response.status(requested.isPresent() ? 206 : 200)
                .entity(body)
                .type(MediaType.APPLICATION_OCTET_STREAM)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CONTENT_LENGTH, total == 0 ? 0 : range.length())
                .header("Content-Disposition", "attachment; filename=\"" + p.packageId() + ".c4gh\"");
        requested.ifPresent(r -> response.header("Content-Range", r.contentRange(total)));
        return response.build();
    }

    /** The signed manifest of a package. */
    @GET
    @Path("/{id}/manifest")
    @Produces(MediaType.APPLICATION_JSON)
    public String manifest(@PathParam("id") String id) {
        return delivery.manifest(id, principal.get(), principal.requirePartner());
    }

    /** The partner confirms what it received with the plaintext SHA-256 it computed. */
    @POST
    @Path("/{id}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AcknowledgementReceipt acknowledge(@PathParam("id") String id, InputStream body) {
        String partnerId = principal.requirePartner();
        Acknowledgement ack = JsonBody.bind(JsonBody.read(body, limits.forJsonBody()), Acknowledgement.class);
        if (ack.sha256() == null || !SHA256_HEX.matcher(ack.sha256()).matches()) {
            throw ProblemException.invalidField("sha256", "pattern", "the hex SHA-256 of the plaintext (64 digits)");
        }
        return delivery.acknowledge(id, ack.sha256().toLowerCase(Locale.ROOT), principal.get(), partnerId);
    }
}
