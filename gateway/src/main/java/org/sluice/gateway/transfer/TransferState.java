package org.sluice.gateway.transfer;

/** Where a transfer is in its life, as the status projection shows it (see ARCHITECTURE.md, Transfer lifecycle). */
public enum TransferState {
    /** Created; waiting for the payload. */
    RECEIVED,
    /** Payload uploaded, verified against the declaration and staged encrypted; waiting for a decision. */
    STAGED,
    /** A reviewer must decide. */
    IN_REVIEW,
    /** Approved; waiting to be sealed (e.g. the partner has no valid key yet). */
    APPROVED,
    /** Denied; nothing is delivered. The submitter may appeal. */
    DENIED,
    /** The submitter appealed the denial; waiting for policy to open the appeal review. */
    APPEALED,
    /**
     * Policy approved, but the gateway refused to seal: the approval was not sealable (a hard-stop reason
     * stood against it, or it had fewer deciders than it needed). Nothing was sealed; a later decision
     * applies as usual.
     */
    REFUSED,
    /** Sealed for the partner; the package can be fetched. */
    SEALED,
    /** The partner downloaded the whole package. */
    FETCHED,
    /** The partner confirmed the plaintext digest. */
    ACKNOWLEDGED,
    /** The submitter withdrew it before sealing; staged data purged. */
    CANCELLED,
    /** Not fetched before the approval's validity ended; data purged. */
    EXPIRED,
    /** A later denial withdrew the unfetched package; data purged. */
    WITHDRAWN;

    /** Whether nothing can happen to the transfer any more. */
    public boolean isFinal() {
        return this == ACKNOWLEDGED || this == CANCELLED || this == EXPIRED || this == WITHDRAWN;
    }

    /** Whether the submitter may still cancel: nothing has been sealed and it has not ended. */
    public boolean cancellable() {
        return this == RECEIVED
                || this == STAGED
                || this == IN_REVIEW
                || this == APPROVED
                || this == DENIED
                || this == APPEALED
                || this == REFUSED;
    }

    /** Whether the submitter may appeal: only a denial can be appealed. */
    public boolean appealable() {
        return this == DENIED;
    }
}
