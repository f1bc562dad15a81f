package org.sluice.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final byte[] MESSAGE = "manifest".getBytes(StandardCharsets.UTF_8);

    @Test
    void signaturesVerifyWithThePublicKeyOnly() throws Exception {
        SigningKey key = SigningKey.generate();
        byte[] signature = key.sign(MESSAGE);
        assertThat(Ed25519.verify(Ed25519.publicKeyFromPem(key.publicKeyPem()), MESSAGE, signature))
                .isTrue();
        assertThat(Ed25519.verify(key.publicKey(), "manifesT".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(Ed25519.verify(SigningKey.generate().publicKey(), MESSAGE, signature))
                .isFalse();
        assertThat(Ed25519.verify(key.publicKey(), MESSAGE, new byte[3])).isFalse();
    }

    @Test
    void aStoredKeyReadsBackAsTheSameKey() throws Exception {
        SigningKey key = SigningKey.generate();
        SigningKey reloaded = SigningKey.fromPem(key.privateKeyPem());
        assertThat(reloaded.keyId())
                .isEqualTo(key.keyId())
                .startsWith("ed25519:")
                .hasSize(8 + 16);
        assertThat(reloaded.sign(MESSAGE)).isEqualTo(key.sign(MESSAGE));
        assertThat(reloaded.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void rfc8032TestVector1() throws Exception {
        // RFC 8032 section 7.1, TEST 1: empty message
        String seedPkcs8 =
                "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        SigningKey key =
                SigningKey.fromPem(Pem.encode("PRIVATE KEY", HexFormat.of().parseHex(seedPkcs8)));
        assertThat(HexFormat.of().formatHex(Ed25519.raw(key.publicKey())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HexFormat.of().formatHex(key.sign(new byte[0])))
                .isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void garbageIsRefusedWithAReason() {
        assertThatThrownBy(() -> SigningKey.fromPem("nothing")).hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> Ed25519.fromRaw(new byte[31])).hasMessageContaining("32 bytes, found 31");
    }
}
