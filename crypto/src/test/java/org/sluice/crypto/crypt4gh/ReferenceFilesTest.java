package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Files written by the EGA reference tool (fixtures/crypt4gh) decrypt to their plaintext. */
class ReferenceFilesTest {
    private static final byte[] PLAINTEXT = DemoKeys.bytes("crypt4gh/plaintext-70000.txt");

    @Test
    void oneRecipientDecryptsToThePlaintext() throws Exception {
        byte[] file = DemoKeys.bytes("crypt4gh/plaintext-70000.txt.p-charite.c4gh");
        assertThat(C4gh.decrypt(file, DemoKeys.pair("p-charite"))).isEqualTo(PLAINTEXT);
    }

    @Test
    void twoRecipientsDecryptWithEitherKeyAndNoOther() throws Exception {
        byte[] file = DemoKeys.bytes("crypt4gh/plaintext-70000.txt.p-charite+p-broad.c4gh");
        assertThat(C4gh.decrypt(file, DemoKeys.pair("p-charite"))).isEqualTo(PLAINTEXT);
        assertThat(C4gh.decrypt(file, DemoKeys.pair("p-broad"))).isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> C4gh.decrypt(file, DemoKeys.pair("p-riken")))
                .isInstanceOf(NoMatchingRecipientException.class)
                .hasMessageContaining("none of the 2 header packet(s)")
                .hasMessageContaining(DemoKeys.pair("p-riken").fingerprint());
    }

    @Test
    void theHeaderOccupiesWhatTheReferenceToolWrote() throws Exception {
        Crypt4ghHeader one = Crypt4ghHeader.read(
                new ByteArrayInputStream(DemoKeys.bytes("crypt4gh/plaintext-70000.txt.p-charite.c4gh")),
                DemoKeys.pair("p-charite"));
        Crypt4ghHeader two = Crypt4ghHeader.read(
                new ByteArrayInputStream(DemoKeys.bytes("crypt4gh/plaintext-70000.txt.p-charite+p-broad.c4gh")),
                DemoKeys.pair("p-broad"));
        assertThat(one.length()).isEqualTo(124);
        assertThat(two.length()).isEqualTo(232);
        assertThat(one.editList()).isEmpty();
    }

    @Test
    void theEmptyFileIsAHeaderWithoutSegments() throws Exception {
        byte[] file = DemoKeys.bytes("crypt4gh/empty.txt.p-charite.c4gh");
        assertThat(file).hasSize(124);
        assertThat(C4gh.decrypt(file, DemoKeys.pair("p-charite"))).isEmpty();
    }

    @Test
    void theProtectedKeyDecryptsLikeTheUnprotectedOne() throws Exception {
        Crypt4ghKeyPair unlocked = Crypt4ghKeyPair.fromSecretKeyFile(
                DemoKeys.text("keys/p-charite-protected.sec"), DemoKeys.CHARITE_PASSPHRASE);
        byte[] file = DemoKeys.bytes("crypt4gh/plaintext-70000.txt.p-charite.c4gh");
        assertThat(C4gh.decrypt(file, unlocked)).isEqualTo(PLAINTEXT);
    }
}
