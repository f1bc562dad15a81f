package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the body of a Crypt4GH file segment by segment, each authenticated before any of its bytes is
 * returned. Holds one segment in memory whatever the size of the stream.
 */
final class DecryptingInputStream extends InputStream {
    private final InputStream body;
    private final List<byte[]> dataKeys;
    private final Aead aead = new Aead();
    private final byte[] sealed = new byte[Format.CIPHER_SEGMENT_BYTES];
    private final byte[] plain = new byte[Format.SEGMENT_BYTES];
    private int position;
    private int limit;
    private long segment;
    private boolean ended;

    DecryptingInputStream(InputStream body, List<byte[]> dataKeys) {
        this.body = body;
        this.dataKeys = dataKeys;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !nextSegment()) {
            return -1;
        }
        return plain[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position == limit && !nextSegment()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(plain, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0 || (position == limit && !nextSegment())) {
            return 0;
        }
        int skipped = (int) Math.min(n, limit - position);
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plain, (byte) 0);
        position = limit = 0;
        ended = true;
        body.close();
    }

    /** Decrypts the next non-empty segment; false at the end of the body. */
    private boolean nextSegment() throws IOException {
        while (!ended) {
            int n = body.readNBytes(sealed, 0, Format.CIPHER_SEGMENT_BYTES);
            if (n == 0) {
                ended = true;
                return false;
            }
            boolean last = n < Format.CIPHER_SEGMENT_BYTES;
            limit = open(n, last);
            position = 0;
            segment++;
            ended = last;
            if (limit > 0) {
                return true;
            }
        }
        return false;
    }

    private int open(int n, boolean last) throws Crypt4ghException {
        if (n < Format.NONCE_BYTES + Format.MAC_BYTES) {
            throw new TruncatedSegmentException(segment, n);
        }
        for (byte[] key : dataKeys) {
            int opened = aead.open(key, sealed, 0, n, plain, 0);
            if (opened >= 0) {
                return opened;
            }
        }
        throw last ? new TruncatedSegmentException(segment, n) : new SegmentAuthenticationException(segment);
    }
}
