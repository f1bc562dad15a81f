package org.sluice.gateway.licence;

/** The URLs of licence applications, the same on the gateway as on the policy service. */
public final class LicencePaths {
    /** Base path of licence applications. */
    public static final String BASE = "/api/v1/licence-applications";

    private LicencePaths() {}

    /** An application. */
    public static String application(String id) {
        return BASE + "/" + id;
    }
}
