package org.sluice.policy;

/** The incoming channels of the policy service, bound to topics in {@code application.properties}. */
public final class Channels {
    /** {@code sluice.transfer.requested}: requests, cancellations, appeals. */
    public static final String REQUESTS = "requests";
    /** {@code sluice.partners}: the partner registry's changes. */
    public static final String PARTNERS = "partners";
    /** {@code sluice.transfer.delivery}: fetches and acknowledgements of packages. */
    public static final String DELIVERY = "delivery";
    /** {@code sluice.policy.changes}: this service's own changes of licences, lists and reference data. */
    public static final String CHANGES = "changes";

    private Channels() {}
}
