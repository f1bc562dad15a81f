package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/** Applies a data edit list to a plaintext stream: skips and keeps ranges in turn, starting with a skip. */
final class EditListInputStream extends InputStream {
    private final InputStream plaintext;
    private final List<Long> lengths;
    private int range;
    private long left;

    EditListInputStream(InputStream plaintext, EditList editList) {
        this.plaintext = plaintext;
        this.lengths = editList.lengths();
        this.left = lengths.isEmpty() ? Long.MAX_VALUE : lengths.get(0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (range >= lengths.size()) {
                // past the list: an odd count keeps the rest, an even count ends with its last kept range
                if (lengths.size() % 2 == 0) {
                    return -1;
                }
                return plaintext.read(b, off, len);
            }
            if (range % 2 == 0) {
                if (!discard(left)) {
                    return -1;
                }
                nextRange();
                continue;
            }
            if (left == 0) {
                nextRange();
                continue;
            }
            int n = plaintext.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }

    /** Skips n bytes of plaintext; false if it ends first. */
    private boolean discard(long n) throws IOException {
        while (n > 0) {
            long skipped = plaintext.skip(n);
            if (skipped > 0) {
                n -= skipped;
            } else if (plaintext.read() < 0) {
                return false;
            } else {
                n--;
            }
        }
        return true;
    }

    private void nextRange() {
        range++;
        left = range < lengths.size() ? lengths.get(range) : Long.MAX_VALUE;
    }
}
