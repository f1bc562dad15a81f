package org.sluice.gateway;

/** The gateway's incoming channels, bound to their topics in application.properties. */
public final class Channels {
    /** Decisions of the policy service ({@code sluice.transfer.decided}). */
    public static final String DECISIONS = "decisions";

    /** Review case events of the policy service ({@code sluice.review}): opened and escalated cases. */
    public static final String REVIEWS = "reviews";

    private Channels() {}
}
