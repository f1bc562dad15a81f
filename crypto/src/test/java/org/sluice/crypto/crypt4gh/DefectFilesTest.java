package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad files, each made here from a good one and named for its defect, are refused with that defect named. */
class DefectFilesTest {
    private static final Crypt4ghKeyPair GATEWAY = DemoKeys.pair("gateway-demo");
    private static final Crypt4ghKeyPair CHARITE = DemoKeys.pair("p-charite");
    /** Three segments: two full, one of 10,000 bytes. */
    private static final byte[] PLAINTEXT = C4gh.payload(2 * 65_536 + 10_000);

    private static byte[] good() throws IOException {
        return C4gh.encrypt(PLAINTEXT, GATEWAY, CHARITE.publicKey());
    }

    @Test
    void truncatedLastSegment() throws Exception {
        byte[] good = good();
        byte[] truncated = Arrays.copyOf(good, good.length - 100);
        assertThatThrownBy(() -> C4gh.decrypt(truncated, CHARITE))
                .isInstanceOfSatisfying(
                        TruncatedSegmentException.class,
                        e -> assertThat(e.segment()).isEqualTo(2))
                .hasMessage("truncated last segment: segment 2 ends the file after 9,928 bytes and does not"
                        + " authenticate (the file was cut short, or that segment altered)");
        byte[] stub = Arrays.copyOf(good, 124 + 2 * 65_564 + 20);
        assertThatThrownBy(() -> C4gh.decrypt(stub, CHARITE))
                .isInstanceOf(TruncatedSegmentException.class)
                .hasMessageContaining("after 20 bytes");
    }

    @Test
    void wrongRecipient() throws Exception {
        byte[] good = good();
        assertThatThrownBy(() -> C4gh.decrypt(good, DemoKeys.pair("p-broad")))
                .isInstanceOf(NoMatchingRecipientException.class)
                .hasMessage("wrong recipient: none of the 1 header packet(s) is addressed to key "
                        + DemoKeys.pair("p-broad").fingerprint());
    }

    @Test
    void flippedByteInSegment() throws Exception {
        byte[] flipped = good();
        flipped[124 + 65_564 + 12 + 4_000] ^= 0x01;

        ByteArrayOutputStream released = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
                    try (InputStream in = Crypt4ghReader.decrypt(new ByteArrayInputStream(flipped), CHARITE)) {
                        in.transferTo(released);
                    }
                })
                .isExactlyInstanceOf(SegmentAuthenticationException.class)
                .hasMessageStartingWith("segment 1 does not authenticate: its bytes were altered")
                .satisfies(e -> assertThat(((SegmentAuthenticationException) e).segment())
                        .isEqualTo(1));
        assertThat(released.toByteArray())
                .as("nothing of the altered segment is released")
                .isEqualTo(Arrays.copyOf(PLAINTEXT, 65_536));
    }

    @Test
    void notACrypt4ghFile() {
        byte[] vcf = DemoKeys.bytes("data/synthetic-chr20.vcf");
        assertThatThrownBy(() -> C4gh.decrypt(vcf, CHARITE))
                .isInstanceOf(NotCrypt4ghException.class)
                .hasMessage(
                        "not a Crypt4GH file: expected the magic 'crypt4gh' (6372797074346768), found 232366696c65666f");
        assertThatThrownBy(() -> C4gh.decrypt(new byte[0], CHARITE))
                .isInstanceOf(NotCrypt4ghException.class)
                .hasMessageEndingWith("found an empty stream");
    }

    @Test
    void unsupportedVersion() throws Exception {
        byte[] version2 = good();
        ByteBuffer.wrap(version2).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
        assertThatThrownBy(() -> C4gh.decrypt(version2, CHARITE))
                .isInstanceOfSatisfying(
                        UnsupportedVersionException.class,
                        e -> assertThat(e.version()).isEqualTo(2))
                .hasMessage("unsupported Crypt4GH version: expected 1, found 2");
    }

    @Test
    void truncatedHeaderAndImpossiblePackets() throws Exception {
        byte[] good = good();
        assertThatThrownBy(() -> C4gh.decrypt(Arrays.copyOf(good, 100), CHARITE))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessage("the header ends inside packet 0: 84 of 108 bytes");
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(16, Integer.MAX_VALUE);
        assertThatThrownBy(() -> C4gh.decrypt(huge, CHARITE))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessage("packet 0 declares 2147483647 bytes, expected 8 to 65536");
        byte[] many = good.clone();
        ByteBuffer.wrap(many).order(ByteOrder.LITTLE_ENDIAN).putInt(12, -1);
        assertThatThrownBy(() -> C4gh.decrypt(many, CHARITE))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessage("the header declares 4294967295 packets, at most 1024 are read");
    }

    @Test
    void anUnknownDataEncryptionMethodIsNamed() {
        byte[] content = ByteBuffer.allocate(40)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0)
                .putInt(1)
                .array();
        byte[] sealed = new Aead().seal(KeyExchange.writerKey(GATEWAY, CHARITE.publicKey()), content);
        ByteBuffer file = ByteBuffer.allocate(16 + 40 + sealed.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put(Format.MAGIC)
                .putInt(1)
                .putInt(1)
                .putInt(40 + sealed.length)
                .putInt(0)
                .put(GATEWAY.publicKey());
        file.put(sealed);
        assertThatThrownBy(() -> C4gh.decrypt(file.array(), CHARITE))
                .isInstanceOf(UnsupportedMethodException.class)
                .hasMessage("packet 0: unsupported data encryption method 1, expected 0 (chacha20_ietf_poly1305)");
    }
}
