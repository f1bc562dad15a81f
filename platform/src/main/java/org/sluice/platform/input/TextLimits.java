package org.sluice.platform.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.sluice.platform.PlatformConfig;

/** The configured limits of the input policy: each text value's length (by JSON member name, else the default), a JSON body's bytes. */
@ApplicationScoped
public class TextLimits {

    private final Map<String, Integer> byMember;
    private final int defaultLimit;
    private final int parameterLimit;
    private final int jsonBodyLimit;

    public TextLimits(PlatformConfig config) {
        this.byMember = Map.copyOf(config.input().fieldLimits());
        this.defaultLimit = config.input().maxTextLength();
        this.parameterLimit = config.input().maxParameterLength();
        this.jsonBodyLimit = config.input().maxJsonBytes();
    }

    /** Most characters of a body value held by the member {@code name} (null for array items at the top). */
    public int forMember(String name) {
        return name == null ? defaultLimit : byMember.getOrDefault(name, defaultLimit);
    }

    /** Most characters of a path or query parameter. */
    public int forParameter() {
        return parameterLimit;
    }

    /** Most bytes of a JSON body. */
    public int forJsonBody() {
        return jsonBodyLimit;
    }
}
