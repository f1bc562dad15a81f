package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crypt4GH key files: the reference tool's, protected and unprotected, and the ones this module writes. */
class KeyFilesTest {
    private static final List<String> DEMO_IDS = List.of(
            "gateway-demo",
            "p-broad",
            "p-charite",
            "p-delftlab",
            "p-fiocruz",
            "p-joburg",
            "p-karolinska",
            "p-lakeside",
            "p-northbridge",
            "p-riken",
            "p-shenzhen",
            "p-tehran");

    @Test
    void everyDemoSecretKeyPairsWithItsPublicKeyFile() {
        for (String id : DEMO_IDS) {
            assertThat(DemoKeys.pair(id).publicKey()).as(id).isEqualTo(DemoKeys.publicKey(id));
        }
    }

    @Test
    void theProtectedKeyOpensWithItsPassphraseOnly() throws Exception {
        String file = DemoKeys.text("keys/p-charite-protected.sec");
        assertThat(Crypt4ghKeyPair.fromSecretKeyFile(file, DemoKeys.CHARITE_PASSPHRASE))
                .isEqualTo(DemoKeys.pair("p-charite"));
        assertThatThrownBy(() -> Crypt4ghKeyPair.fromSecretKeyFile(file, "correct horse battery".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("wrong passphrase: the secret key does not unlock with it");
        assertThatThrownBy(() -> Crypt4ghKeyPair.fromSecretKeyFile(file, null))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase-protected: a passphrase is required");
    }

    @Test
    void writtenKeysReadBackProtectedOrNot() throws Exception {
        Crypt4ghKeyPair key = Crypt4ghKeyPair.generate();
        char[] passphrase = "ünïcode passphrase".toCharArray();

        String open = key.secretKeyFile(null, "demo");
        String locked = key.secretKeyFile(passphrase, "demo, locked");
        assertThat(open).startsWith("-----BEGIN CRYPT4GH PRIVATE KEY-----\n");
        assertThat(Crypt4ghKeyPair.fromSecretKeyFile(open, null)).isEqualTo(key);
        assertThat(Crypt4ghKeyPair.fromSecretKeyFile(locked, passphrase)).isEqualTo(key);
        assertThat(locked).doesNotContain(java.util.Base64.getEncoder().encodeToString(key.secretKey()));
        assertThatThrownBy(() -> Crypt4ghKeyPair.fromSecretKeyFile(locked, "other".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void publicKeyFilesAndFingerprints() throws Exception {
        byte[] charite = DemoKeys.publicKey("p-charite");
        assertThat(Crypt4ghKeys.publicKeyFile(charite)).isEqualTo(DemoKeys.text("keys/p-charite.pub"));
        assertThat(Crypt4ghKeys.fingerprint(charite))
                .isEqualTo("sha256:"
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(charite)))
                .hasSize(7 + 64);
        Crypt4ghKeyPair generated = Crypt4ghKeyPair.generate();
        assertThat(Crypt4ghKeys.readPublicKeyFile(generated.publicKeyFile())).isEqualTo(generated.publicKey());
    }

    @Test
    void theSecretNeverShowsInToString() {
        Crypt4ghKeyPair key = DemoKeys.pair("p-charite");
        assertThat(key.toString())
                .isEqualTo("Crypt4ghKeyPair[" + key.fingerprint() + "]")
                .doesNotContain(HexFormat.of().formatHex(key.secretKey()));
    }

    @Test
    void badKeyFilesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Crypt4ghKeys.readPublicKeyFile("ssh-ed25519 AAAA"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("expected a CRYPT4GH PUBLIC KEY file");
        assertThatThrownBy(() -> Crypt4ghKeys.readPublicKeyFile(
                        "-----BEGIN CRYPT4GH PUBLIC KEY-----\nAAAA\n-----END CRYPT4GH PUBLIC KEY-----\n"))
                .hasMessage("a Crypt4GH public key has 32 bytes, found 3");
        assertThatThrownBy(() -> Crypt4ghKeyPair.fromSecretKeyFile(DemoKeys.text("keys/p-charite.pub"), null))
                .hasMessageContaining("expected a CRYPT4GH PRIVATE KEY file");
        assertThatThrownBy(() -> Crypt4ghKeyPair.fromSecretKeyFile(
                        "-----BEGIN CRYPT4GH PRIVATE KEY-----\nYzRnaC12MQAEbm9u\n-----END CRYPT4GH PRIVATE KEY-----",
                        null))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("field 'KDF name' declares 4 bytes, 3 remain");
        assertThatThrownBy(() -> new Crypt4ghKeyPair(new byte[32], DemoKeys.publicKey("p-charite")))
                .hasMessage("the public key does not belong to the secret key");
    }
}
