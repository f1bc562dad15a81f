package org.sluice.cli.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 digests as Sluice writes them: 64 lower-case hex digits. */
public final class Sha256 {
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]{64}$");

    private Sha256() {}

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The lower-case hex of a finished digest. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether a text is 64 hex digits. */
    public static boolean isHex(String text) {
        return text != null && HEX.matcher(text).matches();
    }

    /** Compares two hex digests in constant time, ignoring case. */
    public static boolean sameHex(String a, String b) {
        return MessageDigest.isEqual(
                a.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
