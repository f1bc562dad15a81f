package org.sluice.gateway.staging;

import java.util.UUID;
import java.util.regex.Pattern;

/** The names a payload store accepts: object keys, and the refs of pending objects it hands out. */
final class StoreKeys {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$");
    private static final Pattern REF = Pattern.compile("^[a-z0-9._-]+\\.part$");

    private StoreKeys() {}

    /** The key itself, refusing anything that could name a place outside the store's objects. */
    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a payload store key: " + key);
        }
        return key;
    }

    /** The ref itself, refusing anything that could name a place outside the store's pending objects. */
    static String checkRef(String ref) {
        if (ref == null || !REF.matcher(ref).matches() || ref.contains("..")) {
            throw new IllegalArgumentException("not a pending object: " + ref);
        }
        return ref;
    }

    /** A fresh ref for a pending object that will become {@code key}. */
    static String newRef(String key) {
        return checkKey(key).replace('/', '_') + "." + UUID.randomUUID() + ".part";
    }
}
