package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Picks, once per JVM, the segment cipher sealing uses: the JDK's where HotSpot has both its ChaCha20 and its
 * Poly1305 intrinsic (JDK 20 or later on x86-64 using AVX-512 with IFMA: the Poly1305 one needs it), else libsodium
 * through lazysodium-java (more than twice the JDK's speed on AVX2 alone), else the JDK's. The system property
 * {@value #PROPERTY} ({@code auto}, {@code jdk} or {@code libsodium}) overrides the choice.
 */
final class SegmentCiphers {
    /** System property naming the segment cipher: {@code auto} (the default), {@code jdk} or {@code libsodium}. */
    static final String PROPERTY = "sluice.crypt4gh.cipher";

    private static final System.Logger LOG = System.getLogger(SegmentCiphers.class.getName());

    /** The choice made, with a supplier of instances (one per segment buffer: JDK ciphers are not thread-safe). */
    record Choice(String description, Supplier<SegmentCipher> instances) {}

    private SegmentCiphers() {}

    /** The cipher of this JVM, chosen on first use. */
    static Choice chosen() {
        return Chosen.CHOICE;
    }

    private static final class Chosen {
        static final Choice CHOICE = choose(System.getProperty(PROPERTY, "auto").toLowerCase(Locale.ROOT));

        static {
            LOG.log(System.Logger.Level.INFO, "Crypt4GH segments are sealed with {0}", CHOICE.description());
        }
    }

    static Choice choose(String setting) {
        return switch (setting) {
            case "jdk" -> jdk(PROPERTY + "=jdk");
            case "libsodium" -> {
                try {
                    yield libsodium(SodiumSegmentCipher.load(), PROPERTY + "=libsodium");
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new IllegalStateException(PROPERTY + "=libsodium, but libsodium cannot be loaded: " + e, e);
                }
            }
            case "auto" -> automatic();
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, jdk or libsodium, not " + setting);
        };
    }

    private static Choice automatic() {
        if (jdkHasIntrinsics()) {
            return jdk("its ChaCha20 and Poly1305 intrinsics use AVX-512 here");
        }
        try {
            return libsodium(SodiumSegmentCipher.load(), "the JDK has no Poly1305 intrinsic for this CPU");
        } catch (ReflectiveOperationException | LinkageError e) {
            return jdk("libsodium cannot be loaded on Java " + Runtime.version().feature() + ": " + e);
        }
    }

    private static Choice jdk(String why) {
        return new Choice("the JDK's ChaCha20-Poly1305 (" + why + ")", JdkSegmentCipher::new);
    }

    private static Choice libsodium(SodiumSegmentCipher cipher, String why) {
        return new Choice("libsodium's ChaCha20-Poly1305 through lazysodium-java (" + why + ")", () -> cipher);
    }

    /**
     * HotSpot's rule for its intrinsics, as far as it can be read from outside (the intrinsics' own flags are
     * diagnostic, hidden from the management API): JDK 20 or later, x86-64, AVX-512 in use ({@code UseAVX=3}),
     * and a CPU with AVX-512 IFMA and VL.
     */
    private static boolean jdkHasIntrinsics() {
        return Runtime.version().feature() >= 20
                && "amd64".equals(System.getProperty("os.arch"))
                && "3".equals(hotSpotOption("UseAVX"))
                && cpuFlags().containsAll(Set.of("avx512ifma", "avx512vl"));
    }

    private static String hotSpotOption(String name) {
        try {
            Object option = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                            "getVMOption",
                            new Object[] {name},
                            new String[] {String.class.getName()});
            return String.valueOf(((CompositeData) option).get("value"));
        } catch (JMException | RuntimeException e) {
            return "";
        }
    }

    /** The CPU's feature flags as Linux reports them; empty elsewhere. */
    private static Set<String> cpuFlags() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
            return lines.filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> Set.copyOf(Arrays.asList(
                            line.substring(line.indexOf(':') + 1).trim().split("\\s+"))))
                    .orElse(Set.of());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }
}
