package org.sluice.crypto.crypt4gh;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * libsodium's ChaCha20-Poly1305 ({@code crypto_aead_chacha20poly1305_ietf_encrypt}, AVX2 where the CPU has
 * it), loaded from the copy lazysodium-java bundles. lazysodium-java 5.2 is Java 21 bytecode while this module
 * is Java 17, so it is reached through method handles: on a JDK older than 21 {@link #load()} fails with a
 * {@link LinkageError} and sealing stays on the JDK's cipher. Thread-safe.
 */
final class SodiumSegmentCipher implements SegmentCipher {
    private static final String SODIUM = "com.goterl.lazysodium.SodiumJava";
    private static final String LOADER_MODE = "com.goterl.lazysodium.utils.LibraryLoader$Mode";

    private final MethodHandle encrypt;

    private SodiumSegmentCipher(MethodHandle encrypt) {
        this.encrypt = encrypt;
    }

    /**
     * Loads libsodium (the bundled copy, else the system's) and initialises it, which also picks its fastest
     * implementation for this CPU.
     *
     * @throws LinkageError lazysodium-java or its native library cannot be loaded on this runtime
     * @throws ReflectiveOperationException lazysodium-java is not the expected version
     */
    static SodiumSegmentCipher load() throws ReflectiveOperationException {
        Class<?> sodiumClass = Class.forName(SODIUM);
        Class<?> modeClass = Class.forName(LOADER_MODE);
        Object preferBundled = modeClass.getField("PREFER_BUNDLED").get(null);
        Object sodium = sodiumClass.getConstructor(modeClass).newInstance(preferBundled);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle sodiumInit = lookup.findVirtual(sodiumClass, "sodium_init", MethodType.methodType(int.class));
        int init;
        try {
            init = (int) sodiumInit.invoke(sodium);
        } catch (Throwable e) {
            throw new UnsatisfiedLinkError("sodium_init() failed: " + e);
        }
        if (init < 0) {
            throw new UnsatisfiedLinkError("sodium_init() failed with " + init);
        }
        MethodHandle encrypt = lookup.findVirtual(
                        sodiumClass,
                        "crypto_aead_chacha20poly1305_ietf_encrypt",
                        MethodType.methodType(
                                int.class,
                                byte[].class,
                                long[].class,
                                byte[].class,
                                long.class,
                                byte[].class,
                                long.class,
                                byte[].class,
                                byte[].class,
                                byte[].class))
                .bindTo(sodium);
        return new SodiumSegmentCipher(encrypt);
    }

    @Override
    public int seal(byte[] key, byte[] nonce, byte[] plaintext, int length, byte[] out) {
        long[] written = new long[1];
        int rc;
        try {
            rc = (int) encrypt.invokeExact(
                    out, written, plaintext, (long) length, (byte[]) null, 0L, (byte[]) null, nonce, key);
        } catch (Throwable e) {
            throw new IllegalStateException("libsodium ChaCha20-Poly1305 encryption failed", e);
        }
        if (rc != 0) {
            throw new IllegalStateException("libsodium ChaCha20-Poly1305 encryption failed with " + rc);
        }
        return (int) written[0];
    }
}
