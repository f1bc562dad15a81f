package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer's output follows the Crypt4GH 1.0 byte layout and reads back. */
class WriterTest {
    private static final Crypt4ghKeyPair GATEWAY = DemoKeys.pair("gateway-demo");
    private static final Crypt4ghKeyPair CHARITE = DemoKeys.pair("p-charite");

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 100})
    void theLayoutIsMagicVersionPacketsThenSegments(int size) throws Exception {
        byte[] plaintext = C4gh.payload(size);
        byte[] file = C4gh.encrypt(plaintext, GATEWAY, CHARITE.publicKey());

        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("crypt4gh");
        assertThat(in.getInt(8)).as("version").isEqualTo(1);
        assertThat(in.getInt(12)).as("packet count").isEqualTo(1);
        assertThat(in.getInt(16)).as("packet length").isEqualTo(108);
        assertThat(in.getInt(20))
                .as("header encryption method X25519_chacha20_ietf_poly1305")
                .isZero();
        assertThat(Arrays.copyOfRange(file, 24, 56)).as("writer public key").isEqualTo(GATEWAY.publicKey());

        int fullSegments = size / 65_536;
        int rest = size % 65_536;
        long body = (long) fullSegments * 65_564 + (rest == 0 ? 0 : rest + 28);
        assertThat(file).hasSize((int) (124 + body));
        assertThat(Crypt4ghWriter.bodyLength(size)).isEqualTo(body);
        assertThat(C4gh.decrypt(file, CHARITE)).isEqualTo(plaintext);
    }

    @Test
    void aWriteCutAfterWholeSegmentsContinuesUnderTheSameHeader() throws Exception {
        byte[] plaintext = C4gh.payload(3 * 65_536 + 100);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        OutputStream cut = Crypt4ghWriter.encrypt(first, GATEWAY, List.of(GATEWAY.publicKey()));
        cut.write(plaintext, 0, 2 * 65_536 + 5); // the 5 bytes past the second segment stay buffered, then are lost
        cut.flush(); // what the gateway does before it records a checkpoint
        byte[] kept = first.toByteArray();
        assertThat(kept).hasSize(124 + 2 * 65_564);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(kept);
        Crypt4ghHeader header = Crypt4ghHeader.read(new java.io.ByteArrayInputStream(kept), GATEWAY);
        try (OutputStream resumed = Crypt4ghWriter.resume(file, header)) {
            resumed.write(plaintext, 2 * 65_536, plaintext.length - 2 * 65_536);
        }

        assertThat(file.size()).isEqualTo(124 + Crypt4ghWriter.bodyLength(plaintext.length));
        assertThat(C4gh.decrypt(file.toByteArray(), GATEWAY)).isEqualTo(plaintext);
    }

    @Test
    void theEmptyPlaintextIsTheHeaderAlone() throws Exception {
        assertThat(C4gh.encrypt(new byte[0], GATEWAY, CHARITE.publicKey())).hasSize(124);
    }

    @Test
    void everyRecipientReadsItAndNobodyElse() throws Exception {
        byte[] plaintext = C4gh.payload(150_000);
        Crypt4ghKeyPair broad = DemoKeys.pair("p-broad");
        Crypt4ghKeyPair riken = DemoKeys.pair("p-riken");
        byte[] file = C4gh.encrypt(plaintext, GATEWAY, CHARITE.publicKey(), broad.publicKey(), riken.publicKey());

        assertThat(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(12))
                .isEqualTo(3);
        for (Crypt4ghKeyPair reader : List.of(CHARITE, broad, riken)) {
            assertThat(C4gh.decrypt(file, reader)).isEqualTo(plaintext);
        }
        assertThatThrownBy(() -> C4gh.decrypt(file, DemoKeys.pair("p-tehran")))
                .isInstanceOf(NoMatchingRecipientException.class);
        assertThatThrownBy(() -> C4gh.decrypt(file, GATEWAY))
                .as("the writer's own key opens nothing it did not address to itself")
                .isInstanceOf(NoMatchingRecipientException.class);
    }

    @Test
    void byteByByteWritesAndBulkWritesGiveTheSamePlaintext() throws Exception {
        byte[] plaintext = C4gh.payload(70_000);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream out = Crypt4ghWriter.encrypt(file, GATEWAY, List.of(CHARITE.publicKey()))) {
            for (int i = 0; i < 1_000; i++) {
                out.write(plaintext[i]);
            }
            out.write(plaintext, 1_000, 65_536);
            out.write(plaintext, 66_536, plaintext.length - 66_536);
        }
        assertThat(file.size()).isEqualTo(124 + 65_564 + (70_000 - 65_536) + 28);
        assertThat(C4gh.decrypt(file.toByteArray(), CHARITE)).isEqualTo(plaintext);
    }

    @Test
    void theHeaderIsWrittenBeforeAnyPlaintextAndCloseClosesTheSink() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        OutputStream out = Crypt4ghWriter.encrypt(sink, GATEWAY, List.of(CHARITE.publicKey()));
        assertThat(sink.size()).isEqualTo(124);
        out.write(new byte[10]);
        assertThat(sink.size()).as("a partial segment waits for close").isEqualTo(124);
        out.close();
        assertThat(closed[0]).isTrue();
        assertThat(sink.size()).isEqualTo(124 + 10 + 28);
        assertThatThrownBy(() -> out.write(1)).hasMessageContaining("closed");
    }

    @Test
    void aHeaderNeedsARecipientWithAValidKey() {
        assertThatThrownBy(() -> C4gh.encrypt(new byte[1], GATEWAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one recipient");
        assertThatThrownBy(() -> C4gh.encrypt(new byte[1], GATEWAY, new byte[31]))
                .hasMessageContaining("32 bytes, found 31");
        assertThatThrownBy(() -> C4gh.encrypt(new byte[1], GATEWAY, new byte[32]))
                .as("the all-zero point gives an all-zero shared secret")
                .hasMessageContaining("weak X25519 point");
    }
}
