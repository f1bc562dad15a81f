package org.sluice.events;

import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * The acting principal of an event: who did it, in which roles, on behalf of which institution or
 * partner. Services acting on their own (the policy engine, the expiry job) are {@link #system}
 * principals.
 *
 * @param id the principal's identifier (the token's {@code upn}, {@code preferred_username} or
 *     {@code sub}), or {@code system:<service>}
 * @param roles the roles the principal held when acting
 * @param institution the home institution a submitter or reviewer is bound to, if any
 * @param partner the partner a partner principal is bound to, if any
 */
public record Principal(
        String id,
        List<String> roles,
        @Nullable String institution,
        @Nullable String partner) {

    /** The role of services acting on their own. */
    public static final String SYSTEM_ROLE = "system";

    public Principal {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A service acting on its own behalf. */
    public static Principal system(String service) {
        return new Principal("system:" + service, List.of(SYSTEM_ROLE), null, null);
    }

    /** Whether the principal held this role. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this is a service rather than a person. */
    public boolean isSystem() {
        return roles.contains(SYSTEM_ROLE);
    }
}
