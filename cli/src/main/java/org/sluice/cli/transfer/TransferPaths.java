package org.sluice.cli.transfer;

/** The submitter API's paths (ids are checked by {@link org.sluice.cli.IdConverter} before they get here). */
final class TransferPaths {
    /** Where transfers are created. */
    static final String TRANSFERS = "/api/v1/transfers";
    /** The policy's verdict on a request, without staging anything. */
    static final String PRECHECK = TRANSFERS + "/precheck";

    private TransferPaths() {}

    /** The transfer's status. */
    static String transfer(String id) {
        return TRANSFERS + "/" + id;
    }

    /** Where its payload is uploaded. */
    static String payload(String id) {
        return transfer(id) + "/payload";
    }
}
