package org.sluice.events.security;

import jakarta.annotation.Nullable;
import org.sluice.events.EventData;

/**
 * A service refused a request for lack of authentication (401) or permission (403). The actor is the
 * principal when the token was valid, or an anonymous principal.
 *
 * @param service the service that refused, e.g. {@code gateway}
 * @param status 401 or 403
 * @param method the HTTP method
 * @param path the request path (no query string)
 * @param remoteAddress the client address
 * @param reason why, e.g. {@code missing token}, {@code role submitter required}
 */
public record AccessDenied(
        String service,
        int status,
        String method,
        String path,
        @Nullable String remoteAddress,
        String reason) implements EventData {
    @Override
    public String subject() {
        return service;
    }
}
