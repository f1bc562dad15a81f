package org.sluice.platform.security;

/** The roles of the architecture, as they appear in the token's {@code groups} claim. */
public final class Roles {
    /** Submits transfers for one institution (token claim {@code institution}). */
    public static final String SUBMITTER = "submitter";
    /** Decides review cases. */
    public static final String REVIEWER = "reviewer";
    /** Decides high-risk and escalated cases. */
    public static final String SENIOR_REVIEWER = "senior-reviewer";
    /** Queries and verifies the audit log. */
    public static final String SECURITY_ANALYST = "security-analyst";
    /** Receives packages for one partner (token claim {@code partner}). */
    public static final String PARTNER = "partner";
    /** Manages reference data, bundles, partners and keys. */
    public static final String ADMIN = "admin";
    /** Reads {@code /q/metrics} and nothing else: the long-lived token of a Prometheus scraper. */
    public static final String METRICS = "metrics";

    private Roles() {}
}
