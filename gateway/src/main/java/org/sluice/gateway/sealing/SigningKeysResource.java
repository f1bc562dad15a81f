package org.sluice.gateway.sealing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.sluice.platform.security.Roles;

/** {@code GET /api/v1/keys}: the public keys manifests are verified with, the active one first. */
@Path("/api/v1/keys")
@RolesAllowed({
    Roles.PARTNER,
    Roles.SUBMITTER,
    Roles.ADMIN,
    Roles.SECURITY_ANALYST,
    Roles.REVIEWER,
    Roles.SENIOR_REVIEWER
})
public class SigningKeysResource {

    /**
     * The answer.
     *
     * @param keys every signing key, the active one first
     */
    public record Keys(List<SigningKeyView> keys) {}

    private final ManifestSigner signer;

    public SigningKeysResource(ManifestSigner signer) {
        this.signer = signer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Keys keys() {
        return new Keys(signer.publicKeys());
    }
}
