package org.sluice.transparency.receipt;

/** An audit receipt that does not prove what it claims; the message says what was expected and found. */
public class ReceiptException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReceiptException(String message) {
        super(message);
    }

    public ReceiptException(String message, Throwable cause) {
        super(message, cause);
    }
}
