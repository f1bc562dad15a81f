package org.sluice.audit;

/** The messaging channels of the audit consumer, bound to topics in {@code application.properties}. */
public final class Channels {
    /** Every topic the log records, consumed in batches. */
    public static final String EVENTS = "events";
    /** Records that are not Sluice events, each to its topic's {@code <topic>.dlq}. */
    public static final String DEAD_LETTERS = "dead-letters";

    private Channels() {}
}
