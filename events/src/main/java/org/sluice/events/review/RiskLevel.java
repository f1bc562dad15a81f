package org.sluice.events.review;

/** How much scrutiny a case needs; HIGH needs four eyes (two reviewers, one of them senior). */
public enum RiskLevel {
    STANDARD,
    HIGH
}
