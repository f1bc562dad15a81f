package org.sluice.cli.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.sluice.cli.console.Progress;

/** Reports every byte read through it to a {@link Progress}. */
public final class ProgressInputStream extends FilterInputStream {
    private final Progress progress;

    public ProgressInputStream(InputStream in, Progress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            progress.advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            progress.advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        progress.advance(skipped);
        return skipped;
    }
}
