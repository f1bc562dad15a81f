package org.sluice.events.partner;

/** Whether a partner may receive packages. */
public enum PartnerStatus {
    ACTIVE,
    SUSPENDED
}
