package org.sluice.cli.delivery;

/** The partner API's paths (ids are checked by {@link org.sluice.cli.IdConverter} before they get here). */
final class PackagePaths {
    /** The packages addressed to the caller. */
    static final String PACKAGES = "/api/v1/partner/packages";
    /** The gateway's manifest signing public keys. */
    static final String KEYS = "/api/v1/keys";

    private PackagePaths() {}

    /** The package's bytes (HTTP Range). */
    static String content(String packageId) {
        return PACKAGES + "/" + packageId;
    }

    /** The package's signed manifest. */
    static String manifest(String packageId) {
        return content(packageId) + "/manifest";
    }

    /** Where the partner acknowledges the package. */
    static String ack(String packageId) {
        return content(packageId) + "/ack";
    }
}
