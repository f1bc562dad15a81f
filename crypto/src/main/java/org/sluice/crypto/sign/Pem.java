package org.sluice.crypto.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM armour (RFC 7468) for DER key material. */
public final class Pem {
    private Pem() {}

    /** Wraps DER bytes in a PEM block of the given label. */
    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of the first PEM block with the given label. */
    public static byte[] decode(String pem, String label) throws SignatureException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        // the END line is looked for after the whole BEGIN line: "-----BEGIN X---------END X-----" shares dashes
        int to = from < 0 ? -1 : pem.indexOf(end, from + begin.length());
        if (to < 0) {
            throw new SignatureException("no PEM block '" + label + "' found");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new SignatureException("PEM block '" + label + "' is not base64", e);
        }
    }
}
