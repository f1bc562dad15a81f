package org.sluice.gateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes a range of a package, which is its header followed by its body, counting the bytes that reached
 * the client so that a broken-off download reports what it actually served.
 */
final class PackageStream {

    /** Opens the body at an offset from its start. */
    @FunctionalInterface
    interface BodySource {
        InputStream openAt(long offset) throws IOException;
    }

    private static final int BUFFER_BYTES = 64 * 1024;

    private long served;

    /** Bytes written so far. */
    long served() {
        return served;
    }

    /** Writes {@code range} of header + body to {@code out}. */
    void write(byte[] header, BodySource body, ByteRange range, OutputStream out) throws IOException {
        long position = range.first();
        long remaining = range.length();
        if (position < header.length) {
            int n = (int) Math.min(remaining, header.length - position);
            out.write(header, (int) position, n);
            served += n;
            position += n;
            remaining -= n;
        }
        if (remaining == 0) {
            return;
        }
        try (InputStream in = body.openAt(position - header.length)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("the package body ended " + remaining + " bytes early");
                }
                out.write(buffer, 0, n);
                served += n;
                remaining -= n;
            }
        }
    }
}
