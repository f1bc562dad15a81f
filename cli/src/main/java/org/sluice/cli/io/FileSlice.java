package org.sluice.cli.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes {@code first} to {@code first + length - 1} of a file, as a stream. */
public final class FileSlice extends FilterInputStream {
    private long remaining;

    private FileSlice(InputStream in, long length) {
        super(in);
        this.remaining = length;
    }

    /** Opens the slice; closing it closes the file. */
    public static InputStream open(Path file, long first, long length) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            channel.position(first);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new FileSlice(Channels.newInputStream(channel), length);
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
