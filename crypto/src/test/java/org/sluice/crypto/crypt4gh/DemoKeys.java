package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.sluice.testsupport.Fixtures;

/** The demo key files of the fixtures ({@code keys/<id>.sec|.pub}). */
final class DemoKeys {
    static final char[] CHARITE_PASSPHRASE = "correct horse battery staple".toCharArray();

    private DemoKeys() {}

    static Crypt4ghKeyPair pair(String id) {
        try {
            return Crypt4ghKeyPair.fromSecretKeyFile(text("keys/" + id + ".sec"), null);
        } catch (Crypt4ghException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] publicKey(String id) {
        try {
            return Crypt4ghKeys.readPublicKeyFile(text("keys/" + id + ".pub"));
        } catch (Crypt4ghException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String fixture) {
        try {
            return Files.readString(Fixtures.path(fixture), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String fixture) {
        try {
            return Files.readAllBytes(Fixtures.path(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
