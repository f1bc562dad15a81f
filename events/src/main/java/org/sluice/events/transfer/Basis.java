package org.sluice.events.transfer;

/** The legal basis a submitter declares for the transfer. */
public enum Basis {
    /** The ordinary case. */
    STANDARD,
    /** A declared public-health emergency. */
    EMERGENCY,
    /** A humanitarian case (confirmed by a reviewer). */
    HUMANITARIAN
}
