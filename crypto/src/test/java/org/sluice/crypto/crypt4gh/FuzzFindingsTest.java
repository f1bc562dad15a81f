package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.crypto.sign.SignatureException;

/**
 * What the fuzz targets found, one named test each; the inputs sit in the targets' input folders, so the
 * targets replay them too.
 */
class FuzzFindingsTest {

    @Test
    void aCrypt4ghArmourWhoseEndLineOverlapsItsBeginLineIsAKeyFileError() {
        String text = text("KeyFilesFuzzTestInputs/readsOrRejects/armour-end-line-overlaps-begin-line.pub");
        // was StringIndexOutOfBoundsException: the END line was searched from the start of the BEGIN line
        assertThatThrownBy(() -> Crypt4ghKeys.readPublicKeyFile(text))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("CRYPT4GH PUBLIC KEY");
    }

    @Test
    void aPemWhoseEndLineOverlapsItsBeginLineIsASignatureError() {
        String text = text("KeyFilesFuzzTestInputs/readsOrRejects/pem-end-line-overlaps-begin-line.pem");
        assertThatThrownBy(() -> Ed25519.publicKeyFromPem(text))
                .isInstanceOf(SignatureException.class)
                .hasMessageContaining("PUBLIC KEY");
    }

    private static String text(String input) {
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream(input)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
