package org.sluice.audit.proof;

import java.util.Base64;
import java.util.List;

/** Hashes as the API writes them: standard base64, like the checkpoint notes. */
final class Hashes {
    private Hashes() {}

    static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::b64).toList();
    }
}
