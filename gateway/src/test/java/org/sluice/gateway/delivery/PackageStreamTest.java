package org.sluice.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PackageStreamTest {

    private final byte[] header = {1, 2, 3, 4};
    private final byte[] body = {10, 11, 12, 13, 14, 15};
    private final PackageStream.BodySource source =
            offset -> new ByteArrayInputStream(body, (int) offset, body.length - (int) offset);

    @Test
    void rangesAcrossHeaderAndBodyAreStitched() throws IOException {
        assertThat(write(new ByteRange(0, 9))).containsExactly(1, 2, 3, 4, 10, 11, 12, 13, 14, 15);
        assertThat(write(new ByteRange(2, 5))).containsExactly(3, 4, 10, 11);
        assertThat(write(new ByteRange(6, 9))).containsExactly(12, 13, 14, 15);
        assertThat(write(new ByteRange(1, 2))).containsExactly(2, 3);
    }

    @Test
    void aClientThatBreaksOffIsCountedUpToTheLastByteItGot() {
        PackageStream stream = new PackageStream();
        OutputStream breaksAfterHeader = new OutputStream() {
            private int written;

            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written > 0) {
                    throw new IOException("connection reset");
                }
                written += len;
            }
        };

        assertThatThrownBy(() -> stream.write(header, source, new ByteRange(0, 9), breaksAfterHeader))
                .hasMessage("connection reset");
        assertThat(stream.served()).isEqualTo(4);
    }

    @Test
    void aBodyShorterThanItsRecordIsAnError() {
        PackageStream stream = new PackageStream();
        PackageStream.BodySource truncated = offset -> new ByteArrayInputStream(Arrays.copyOf(body, 3));

        assertThatThrownBy(() -> stream.write(header, truncated, new ByteRange(0, 9), new ByteArrayOutputStream()))
                .hasMessageContaining("3 bytes early");
    }

    private byte[] write(ByteRange range) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageStream stream = new PackageStream();
        stream.write(header, source, range, out);
        assertThat(stream.served()).isEqualTo(range.length());
        return out.toByteArray();
    }
}
