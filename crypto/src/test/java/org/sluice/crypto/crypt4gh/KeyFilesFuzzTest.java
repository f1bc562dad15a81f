package org.sluice.crypto.crypt4gh;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.crypto.sign.SignatureException;

/**
 * Any text as a key file: a Crypt4GH secret key, a Crypt4GH public key, an Ed25519 PEM public key, and
 * its bytes as the inner {@code c4gh-v1} structure. Each reader answers a key or its documented
 * exception, nothing else. No passphrase is given, so scrypt (tens of milliseconds) never runs.
 */
class KeyFilesFuzzTest {

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({
        "-----BEGIN CRYPT4GH PRIVATE KEY-----",
        "-----END CRYPT4GH PRIVATE KEY-----",
        "-----BEGIN CRYPT4GH PUBLIC KEY-----",
        "-----END CRYPT4GH PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----",
        "-----END PUBLIC KEY-----",
        "c4gh-v1",
        "\u0000\u0004none",
        "\u0000\u0006scrypt",
        "\u0000\u0011chacha20_poly1305"
    })
    void readsOrRejects(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        try {
            Crypt4ghKeyPair.fromSecretKeyFile(text, null);
        } catch (Crypt4ghException expected) {
            // a KeyFileException or WrongPassphraseException naming the defect
        }
        try {
            Crypt4ghKeys.readPublicKeyFile(text);
        } catch (Crypt4ghException expected) {
            // a KeyFileException naming the defect
        }
        try {
            Ed25519.publicKeyFromPem(text);
        } catch (SignatureException expected) {
            // no PEM block, not base64, or not an Ed25519 key
        }
        try {
            SecretKeyFile.decode(file, null);
        } catch (Crypt4ghException expected) {
            // the structure inside the armour, defect by defect
        }
    }
}
