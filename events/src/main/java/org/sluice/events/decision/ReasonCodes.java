package org.sluice.events.decision;

import java.util.List;

/**
 * The reason codes of the public API. Bundles may add codes; these are never renamed.
 */
public final class ReasonCodes {
    public static final String DOMESTIC_EXEMPT = "DOMESTIC_EXEMPT";
    public static final String EMBARGOED_DESTINATION = "EMBARGOED_DESTINATION";
    public static final String COUNTRY_OF_CONCERN_BULK = "COUNTRY_OF_CONCERN_BULK";
    public static final String DENIED_PARTY = "DENIED_PARTY";
    public static final String POSSIBLE_DENIED_PARTY = "POSSIBLE_DENIED_PARTY";
    public static final String LICENCE_REQUIRED = "LICENCE_REQUIRED";
    public static final String LICENCE_INVALID = "LICENCE_INVALID";
    public static final String LICENCE_QUOTA_EXCEEDED = "LICENCE_QUOTA_EXCEEDED";
    public static final String GENERAL_LICENCE = "GENERAL_LICENCE";
    public static final String PROVISIONAL_LICENCE = "PROVISIONAL_LICENCE";
    public static final String EMERGENCY_FAST_TRACK = "EMERGENCY_FAST_TRACK";
    public static final String HUMANITARIAN_EXEMPTION = "HUMANITARIAN_EXEMPTION";
    public static final String CONSENT_MISMATCH = "CONSENT_MISMATCH";
    public static final String ETHICS_APPROVAL_REQUIRED = "ETHICS_APPROVAL_REQUIRED";
    public static final String DSA_REQUIRED = "DSA_REQUIRED";
    public static final String PARTNER_UNKNOWN = "PARTNER_UNKNOWN";
    public static final String PARTNER_SUSPENDED = "PARTNER_SUSPENDED";
    public static final String PARTNER_KEY_EXPIRED = "PARTNER_KEY_EXPIRED";
    public static final String VOLUME_ANOMALY = "VOLUME_ANOMALY";
    public static final String FIRST_TRANSFER_TO_PARTNER = "FIRST_TRANSFER_TO_PARTNER";
    public static final String POST_SHIPMENT_VERIFICATION = "POST_SHIPMENT_VERIFICATION";

    /** Every public code, in the order of the architecture's list. */
    public static final List<String> ALL = List.of(
            DOMESTIC_EXEMPT,
            EMBARGOED_DESTINATION,
            COUNTRY_OF_CONCERN_BULK,
            DENIED_PARTY,
            POSSIBLE_DENIED_PARTY,
            LICENCE_REQUIRED,
            LICENCE_INVALID,
            LICENCE_QUOTA_EXCEEDED,
            GENERAL_LICENCE,
            PROVISIONAL_LICENCE,
            EMERGENCY_FAST_TRACK,
            HUMANITARIAN_EXEMPTION,
            CONSENT_MISMATCH,
            ETHICS_APPROVAL_REQUIRED,
            DSA_REQUIRED,
            PARTNER_UNKNOWN,
            PARTNER_SUSPENDED,
            PARTNER_KEY_EXPIRED,
            VOLUME_ANOMALY,
            FIRST_TRANSFER_TO_PARTNER,
            POST_SHIPMENT_VERIFICATION);

    private ReasonCodes() {}
}
