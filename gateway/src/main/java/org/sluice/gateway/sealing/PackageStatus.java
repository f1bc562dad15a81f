package org.sluice.gateway.sealing;

/** Whether a sealed package can still be fetched. */
public enum PackageStatus {
    /** Fetchable by its partner. */
    AVAILABLE,
    /** Its approval's validity ended; data purged. */
    EXPIRED,
    /** A later denial withdrew it; data purged. */
    WITHDRAWN
}
