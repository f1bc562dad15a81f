package org.sluice.crypto.crypt4gh;

/** No header packet decrypts with the reader's key: the file was sealed for someone else. */
public final class NoMatchingRecipientException extends Crypt4ghException {
    private static final long serialVersionUID = 1L;

    NoMatchingRecipientException(int packets, String readerFingerprint) {
        super("wrong recipient: none of the " + packets + " header packet(s) is addressed to key " + readerFingerprint);
    }
}
