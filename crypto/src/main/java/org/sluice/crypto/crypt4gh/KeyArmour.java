package org.sluice.crypto.crypt4gh;

import java.util.Base64;

/** The text armour of Crypt4GH key files: a BEGIN line, the base64 of the key on one line, an END line. */
final class KeyArmour {
    static final String PUBLIC = "CRYPT4GH PUBLIC KEY";
    static final String PRIVATE = "CRYPT4GH PRIVATE KEY";

    private KeyArmour() {}

    static String wrap(String label, byte[] content) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getEncoder().encodeToString(content)
                + "\n-----END " + label + "-----\n";
    }

    static byte[] unwrap(String label, String text) throws KeyFileException {
        if (text == null) {
            throw new KeyFileException("expected a " + label + " file, found nothing");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        // the END line is looked for after the whole BEGIN line: "-----BEGIN X---------END X-----" shares dashes
        int to = from < 0 ? -1 : text.indexOf(end, from + begin.length());
        if (to < 0) {
            throw new KeyFileException("expected a " + label + " file (" + begin + "), found none");
        }
        String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("the " + label + " block is not valid base64", e);
        }
    }
}
