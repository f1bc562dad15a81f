package org.sluice.gateway.portal;

import java.net.URI;
import java.util.Optional;

/**
 * What the submitter portal is told about this gateway before anyone signs in ({@code GET /portal/config.json}): only
 * public facts, never a secret.
 *
 * @param oidc the OpenID Connect sign-in, or null when only a pasted token signs in
 */
public record PortalSettings(Oidc oidc) {

    /**
     * An authorization-code flow with PKCE ({@code S256}) for a public client.
     *
     * @param authorizationEndpoint where the browser is sent to sign in
     * @param tokenEndpoint where the page exchanges the code and its verifier for an access token
     * @param clientId the portal's client id
     * @param scope the scopes asked for
     */
    public record Oidc(URI authorizationEndpoint, URI tokenEndpoint, String clientId, String scope) {}

    /** The settings from configuration: OIDC when its endpoints and client id are all set. */
    public static PortalSettings of(
            Optional<URI> authorizationEndpoint, Optional<URI> tokenEndpoint, Optional<String> clientId, String scope) {
        if (authorizationEndpoint.isEmpty()
                || tokenEndpoint.isEmpty()
                || clientId.filter(id -> !id.isBlank()).isEmpty()) {
            return new PortalSettings(null);
        }
        return new PortalSettings(new Oidc(
                authorizationEndpoint.get(),
                tokenEndpoint.get(),
                clientId.get().strip(),
                scope == null || scope.isBlank() ? "openid" : scope.strip()));
    }
}
