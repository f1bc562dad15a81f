package org.sluice.crypto.cms;

import java.io.IOException;

/** A recipient certificate that cannot be used, or a CMS structure that cannot be written. */
public final class CmsException extends IOException {
    private static final long serialVersionUID = 1L;

    CmsException(String message) {
        super(message);
    }

    CmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
