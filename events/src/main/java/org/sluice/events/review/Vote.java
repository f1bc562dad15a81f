package org.sluice.events.review;

/** A reviewer's vote. */
public enum Vote {
    APPROVE,
    DENY
}
