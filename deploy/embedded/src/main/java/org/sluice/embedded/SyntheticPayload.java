package org.sluice.embedded;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A deterministic, incompressible payload of any size, generated as it is read (nothing is held in memory, nothing
 * touches the disk): the same size and seed give the same bytes whatever buffer sizes the reader uses. For tests
 * and benchmarks of large transfers.
 */
public final class SyntheticPayload extends InputStream {

    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytes;

    public SyntheticPayload(long size, long seed) {
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
        int n = (int) Math.min(len, remaining);
        for (int i = 0; i < n; i++) {
            if (wordBytes == 0) {
                word = random.nextLong();
                wordBytes = 8;
            }
            b[off + i] = (byte) word;
            word >>>= 8;
            wordBytes--;
        }
        remaining -= n;
        return n;
    }
}
