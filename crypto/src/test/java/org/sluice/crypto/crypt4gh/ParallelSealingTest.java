package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segments sealed in parallel, by libsodium or by the JDK, make files every reader accepts: ours, Bouncy
 * Castle's ChaCha20-Poly1305 segment by segment (a third implementation), and the reference files' layout.
 */
class ParallelSealingTest {
    private static final Crypt4ghKeyPair GATEWAY = DemoKeys.pair("gateway-demo");
    private static final Crypt4ghKeyPair CHARITE = DemoKeys.pair("p-charite");
    private static final int SEGMENT = Crypt4ghWriter.SEGMENT_BYTES;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    /** Every way a segment gets sealed: by pool threads, by the writer's thread, by the writer helping out. */
    private static final List<Executor> EXECUTORS = List.of(POOL, Runnable::run, task -> {});

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    static boolean libsodiumLoads() {
        try {
            SodiumSegmentCipher.load();
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false; // lazysodium-java 5.2 needs Java 21
        }
    }

    static List<String> ciphers() {
        return libsodiumLoads() ? List.of("jdk", "libsodium") : List.of("jdk");
    }

    static Stream<Arguments> sizesAroundSegmentBoundaries() {
        int[] sizes = {
            0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT, 7 * SEGMENT - 1, 7 * SEGMENT + 1, 20 * SEGMENT + 3
        };
        List<Arguments> cases = new ArrayList<>();
        for (String cipher : ciphers()) {
            for (int size : sizes) {
                for (int chunk : new int[] {1_000, SEGMENT, 1 << 20}) {
                    cases.add(Arguments.of(cipher, size, chunk));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1} bytes in writes of {2}")
    @MethodSource("sizesAroundSegmentBoundaries")
    void everyReaderAcceptsWhatIsSealedInParallel(String cipher, int size, int chunk) throws Exception {
        byte[] plaintext = C4gh.payload(size);
        for (Executor executor : EXECUTORS) {
            byte[] dataKey = Aead.randomBytes(32);
            byte[] file = seal(plaintext, chunk, dataKey, SegmentCiphers.choose(cipher), executor, 3);

            assertThat(file).hasSize((int) (124 + Crypt4ghWriter.bodyLength(size)));
            assertThat(C4gh.decrypt(file, CHARITE)).isEqualTo(plaintext);
            assertThat(openWithBouncyCastle(file, dataKey)).isEqualTo(plaintext);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void theReferencePlaintextSealsToTheReferenceToolsLayout(String cipher) throws Exception {
        byte[] plaintext = DemoKeys.bytes("crypt4gh/plaintext-70000.txt");
        byte[] reference = DemoKeys.bytes("crypt4gh/plaintext-70000.txt.p-charite.c4gh");
        byte[] file = seal(plaintext, 4_096, Aead.randomBytes(32), SegmentCiphers.choose(cipher), POOL, 2);

        assertThat(file).hasSameSizeAs(reference);
        assertThat(Arrays.copyOf(file, 16)).as("magic, version, packet count").isEqualTo(Arrays.copyOf(reference, 16));
        assertThat(C4gh.decrypt(file, CHARITE)).isEqualTo(C4gh.decrypt(reference, CHARITE));
    }

    @EnabledIf("libsodiumLoads")
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 17, 63, 64, 65, SEGMENT - 1, SEGMENT})
    void libsodiumSealsTheSameBytesAsTheJdkUnderTheSameNonce(int length) throws Exception {
        byte[] key = Aead.randomBytes(32);
        byte[] nonce = Aead.randomBytes(12);
        byte[] plaintext = Arrays.copyOf(C4gh.payload(length), SEGMENT);
        byte[] bySodium = new byte[SEGMENT + 16];
        byte[] byJdk = new byte[SEGMENT + 16];

        int n = SodiumSegmentCipher.load().seal(key, nonce, plaintext, length, bySodium);
        assertThat(n).isEqualTo(length + 16);
        assertThat(new JdkSegmentCipher().seal(key, nonce, plaintext, length, byJdk))
                .isEqualTo(n);
        assertThat(Arrays.copyOf(bySodium, n)).isEqualTo(Arrays.copyOf(byJdk, n));
    }

    @Test
    void flushPutsEveryWholeSegmentInTheSinkAndKeepsThePartialOne() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] plaintext = C4gh.payload(5 * SEGMENT + 10);
        try (OutputStream out =
                new EncryptingOutputStream(sink, Aead.randomBytes(32), SegmentCiphers.choose("jdk"), POOL, 2)) {
            out.write(plaintext);
            out.flush();
            assertThat(sink.size()).isEqualTo(5 * (SEGMENT + 28));
        }
        assertThat(sink.size()).isEqualTo(5 * (SEGMENT + 28) + 10 + 28);
    }

    private static byte[] seal(
            byte[] plaintext, int chunk, byte[] dataKey, SegmentCiphers.Choice cipher, Executor executor, int segments)
            throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(Crypt4ghHeader.encode(List.of(dataKey), null, GATEWAY, List.of(CHARITE.publicKey())));
        try (OutputStream out = new EncryptingOutputStream(file, dataKey.clone(), cipher, executor, segments)) {
            for (int off = 0; off < plaintext.length; off += chunk) {
                out.write(plaintext, off, Math.min(chunk, plaintext.length - off));
            }
        }
        return file.toByteArray();
    }

    /** The body opened segment by segment with Bouncy Castle's ChaCha20-Poly1305, under the known data key. */
    private static byte[] openWithBouncyCastle(byte[] file, byte[] dataKey) throws Exception {
        int headerBytes = (int)
                Crypt4ghHeader.read(new ByteArrayInputStream(file), CHARITE).length();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (int off = headerBytes; off < file.length; off += SEGMENT + 28) {
            int length = Math.min(SEGMENT + 28, file.length - off);
            ChaCha20Poly1305 aead = new ChaCha20Poly1305();
            aead.init(
                    false, new AEADParameters(new KeyParameter(dataKey), 128, Arrays.copyOfRange(file, off, off + 12)));
            byte[] out = new byte[aead.getOutputSize(length - 12)];
            int n = aead.processBytes(file, off + 12, length - 12, out, 0);
            n += aead.doFinal(out, n);
            plain.write(out, 0, n);
        }
        return plain.toByteArray();
    }
}
