package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-sealing a staged file for a partner rewrites the header only. */
class ReencryptionTest {
    private static final Crypt4ghKeyPair STAGING = DemoKeys.pair("gateway-demo");
    private static final Crypt4ghKeyPair BROAD = DemoKeys.pair("p-broad");

    @Test
    void aStagedFileResealedForPBroadDecryptsWithItsKeyOnly() throws Exception {
        byte[] plaintext = C4gh.payload(140_000);
        byte[] staged = C4gh.encrypt(plaintext, STAGING, STAGING.publicKey());
        Crypt4ghHeader header = Crypt4ghHeader.read(new ByteArrayInputStream(staged), STAGING);

        byte[] newHeader = header.reencrypt(STAGING, List.of(DemoKeys.publicKey("p-broad")));
        byte[] body = Arrays.copyOfRange(staged, (int) header.length(), staged.length);
        byte[] sealed = concat(newHeader, body);

        assertThat(C4gh.decrypt(sealed, BROAD)).isEqualTo(plaintext);
        assertThatThrownBy(() -> C4gh.decrypt(sealed, STAGING)).isInstanceOf(NoMatchingRecipientException.class);
        assertThat(Arrays.copyOfRange(sealed, newHeader.length, sealed.length))
                .as("body bytes identical")
                .isEqualTo(Arrays.copyOfRange(staged, (int) header.length(), staged.length));
        assertThat(newHeader).isNotEqualTo(Arrays.copyOf(staged, (int) header.length()));
    }

    @Test
    void theNewHeaderHasTheSameSizeForAnyPayload() throws Exception {
        for (int size : new int[] {0, 1, 1_000_000}) {
            byte[] staged = C4gh.encrypt(C4gh.payload(size), STAGING, STAGING.publicKey());
            Crypt4ghHeader header = Crypt4ghHeader.read(new ByteArrayInputStream(staged), STAGING);
            assertThat(header.reencrypt(STAGING, List.of(BROAD.publicKey())))
                    .as("%d bytes", size)
                    .hasSize(124);
        }
    }

    @Test
    void aReferenceFileCanBeResealedForSeveralRecipients() throws Exception {
        byte[] reference = DemoKeys.bytes("crypt4gh/plaintext-70000.txt.p-charite.c4gh");
        Crypt4ghHeader header = Crypt4ghHeader.read(new ByteArrayInputStream(reference), DemoKeys.pair("p-charite"));
        Crypt4ghKeyPair riken = DemoKeys.pair("p-riken");
        byte[] sealed = concat(
                header.reencrypt(STAGING, List.of(BROAD.publicKey(), riken.publicKey())),
                Arrays.copyOfRange(reference, (int) header.length(), reference.length));

        byte[] plaintext = DemoKeys.bytes("crypt4gh/plaintext-70000.txt");
        assertThat(C4gh.decrypt(sealed, BROAD)).isEqualTo(plaintext);
        assertThat(C4gh.decrypt(sealed, riken)).isEqualTo(plaintext);
        assertThat(sealed).hasSize(16 + 2 * 108 + 70_056);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
