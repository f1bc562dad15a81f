package org.sluice.gateway.transfer;

/** The URLs of a transfer's resources, path-absolute (clients resolve them against the gateway's address). */
public final class TransferPaths {
    /** Base path of the submitter API. */
    public static final String BASE = "/api/v1/transfers";

    private TransferPaths() {}

    /** The transfer's status. */
    public static String transfer(String id) {
        return BASE + "/" + id;
    }

    /** Where its payload is uploaded. */
    public static String payload(String id) {
        return transfer(id) + "/payload";
    }
}
