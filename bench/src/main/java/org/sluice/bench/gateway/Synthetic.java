package org.sluice.bench.gateway;

import java.io.InputStream;
import java.util.SplittableRandom;

/** A deterministic, incompressible payload generated as it is read: any size, no memory, no disk. */
final class Synthetic extends InputStream {

    private final SplittableRandom random;
    private long remaining;

    Synthetic(long size, long seed) {
        this.remaining = size;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (remaining == 0) {
            return -1;
        }
        // whole 8-byte words per call keep the stream identical whatever the callers' buffer sizes are
        int n = (int) Math.min(len & ~7, remaining);
        if (n == 0) {
            n = (int) Math.min(len, remaining);
        }
        for (int i = 0; i < n; i += 8) {
            long word = random.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) {
                b[off + i + j] = (byte) (word >>> (8 * j));
            }
        }
        remaining -= n;
        return n;
    }
}
