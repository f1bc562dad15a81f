package org.sluice.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portal offers OIDC sign-in only when its provider is fully configured. */
class PortalSettingsTest {

    private static final Optional<URI> AUTH = Optional.of(URI.create("https://idp.example.org/auth"));
    private static final Optional<URI> TOKEN = Optional.of(URI.create("https://idp.example.org/token"));

    @Test
    void aFullyConfiguredProviderIsOffered() {
        PortalSettings settings = PortalSettings.of(AUTH, TOKEN, Optional.of(" sluice-portal "), "openid profile");

        assertThat(settings.oidc())
                .isEqualTo(new PortalSettings.Oidc(AUTH.get(), TOKEN.get(), "sluice-portal", "openid profile"));
    }

    @Test
    void withoutAnEndpointOrClientIdOnlyThePastedTokenSignsIn() {
        assertThat(PortalSettings.of(Optional.empty(), TOKEN, Optional.of("c"), "openid")
                        .oidc())
                .isNull();
        assertThat(PortalSettings.of(AUTH, Optional.empty(), Optional.of("c"), "openid")
                        .oidc())
                .isNull();
        assertThat(PortalSettings.of(AUTH, TOKEN, Optional.of(" "), "openid").oidc())
                .isNull();
        assertThat(PortalSettings.of(AUTH, TOKEN, Optional.of("c"), " ").oidc().scope())
                .isEqualTo("openid");
    }
}
