package org.sluice.gateway;

/** The gateway's incoming channels, bound to their topics in application.properties. */
public final class Channels {
    /** Decisions of the policy service ({@code sluice.transfer.decided}). */
    public static final String DECISIONS = "decisions";

    private Channels() {}
}
