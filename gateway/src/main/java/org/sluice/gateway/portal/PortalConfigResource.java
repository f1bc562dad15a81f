package org.sluice.gateway.portal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sluice.gateway.GatewayConfig;

/** {@code GET /portal/config.json}: how the portal signs in, read by the page before there is a token. */
@Path("/portal/config.json")
@PermitAll
public class PortalConfigResource {

    private final PortalSettings settings;

    public PortalConfigResource(GatewayConfig config) {
        GatewayConfig.PortalOidcConfig oidc = config.portal().oidc();
        this.settings =
                PortalSettings.of(oidc.authorizationEndpoint(), oidc.tokenEndpoint(), oidc.clientId(), oidc.scope());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PortalSettings settings() {
        return settings;
    }
}
