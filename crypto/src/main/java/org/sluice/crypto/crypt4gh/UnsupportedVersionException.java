package org.sluice.crypto.crypt4gh;

/** A Crypt4GH file of a version other than 1. */
public final class UnsupportedVersionException extends Crypt4ghException {
    private static final long serialVersionUID = 1L;

    private final long version;

    UnsupportedVersionException(long version) {
        super("unsupported Crypt4GH version: expected 1, found " + version);
        this.version = version;
    }

    /** The version the file declares. */
    public long version() {
        return version;
    }
}
