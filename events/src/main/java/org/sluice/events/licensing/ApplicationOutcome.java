package org.sluice.events.licensing;

/** How a licence application ended. */
public enum ApplicationOutcome {
    /** The export-control office granted it; the licence exists and transfers may cite it. */
    GRANTED,
    /** The export-control office refused it, with reasons. */
    REFUSED,
    /** The applicant withdrew it before it was decided. */
    WITHDRAWN
}
