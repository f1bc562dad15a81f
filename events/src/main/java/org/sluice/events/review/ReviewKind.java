package org.sluice.events.review;

/** Why a review case exists. */
public enum ReviewKind {
    /** The engine decided REVIEW. */
    DECISION,
    /** The submitter appealed a denial. */
    APPEAL
}
