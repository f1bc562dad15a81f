package org.sluice.policy.licence.application;

/** Where a licence application stands. */
public enum ApplicationStatus {
    /** Waiting for the export-control office. */
    PENDING,
    /** Granted: the licence exists. */
    GRANTED,
    /** Refused by an officer. */
    REFUSED,
    /** Withdrawn by the applicant. */
    WITHDRAWN;

    /** Whether nothing can change it any more. */
    public boolean closed() {
        return this != PENDING;
    }
}
