package org.sluice.gateway;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Opaque, unguessable identifiers: a prefix and 128 random bits, so ids reveal nothing and cannot be enumerated. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new transfer id, {@code tr-} and 32 hex digits. */
    public static String transfer() {
        return "tr-" + random();
    }

    /** A new package id, {@code pk-} and 32 hex digits. */
    public static String pkg() {
        return "pk-" + random();
    }

    /** A new appeal id, {@code ap-} and 32 hex digits. */
    public static String appeal() {
        return "ap-" + random();
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
