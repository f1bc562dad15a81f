package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading data edit lists: files built here from the writer's output with an edit list added to the header. */
class EditListTest {
    private static final Crypt4ghKeyPair GATEWAY = DemoKeys.pair("gateway-demo");
    private static final Crypt4ghKeyPair CHARITE = DemoKeys.pair("p-charite");
    private static final byte[] PLAINTEXT = C4gh.payload(200_000);

    @Test
    void skipThenKeepEndsAfterTheKeptRange() throws Exception {
        assertThat(readWith(100L, 200L)).isEqualTo(slice(100, 300));
    }

    @Test
    void anOddCountKeepsTheRestOfThePlaintext() throws Exception {
        assertThat(readWith(100L)).isEqualTo(slice(100, PLAINTEXT.length));
        assertThat(readWith(0L, 10L, 10L, 10L, 10L)).isEqualTo(concat(slice(0, 10), slice(20, 30), slice(40, 200_000)));
    }

    @Test
    void rangesMayCrossSegmentBoundaries() throws Exception {
        assertThat(readWith(65_000L, 1_000L, 65_536L, 5L))
                .isEqualTo(concat(slice(65_000, 66_000), slice(131_536, 131_541)));
    }

    @Test
    void aSkipPastTheEndLeavesNothing() throws Exception {
        assertThat(readWith(300_000L, 10L)).isEmpty();
        assertThat(readWith(199_990L, 100L)).isEqualTo(slice(199_990, 200_000));
    }

    @Test
    void theHeaderReportsItsEditList() throws Exception {
        byte[] file = withEditList(List.of(5L, 6L));
        Crypt4ghHeader header = Crypt4ghHeader.read(new ByteArrayInputStream(file), CHARITE);
        assertThat(header.editList()).contains(List.of(5L, 6L));
        assertThat(header.length())
                .as("a data key packet and an edit list packet")
                .isEqualTo(16 + 108 + 92);
    }

    @Test
    void twoEditListsAreMalformed() throws Exception {
        byte[] file = withEditList(List.of(5L, 6L));
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int editPacketStart = 16 + in.getInt(16);
        int editPacketLength = in.getInt(editPacketStart);
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        forged.write(file, 0, editPacketStart + editPacketLength);
        forged.write(file, editPacketStart, editPacketLength);
        forged.write(file, editPacketStart + editPacketLength, file.length - editPacketStart - editPacketLength);
        byte[] bytes = forged.toByteArray();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 3);

        assertThatThrownBy(() -> C4gh.decrypt(bytes, CHARITE))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessage("packet 2 is a second edit list: at most one is allowed");
    }

    private static byte[] readWith(Long... lengths) throws Exception {
        return C4gh.decrypt(withEditList(List.of(lengths)), CHARITE);
    }

    /** The writer's file with its header re-encrypted to carry an edit list; the body is reused as is. */
    private static byte[] withEditList(List<Long> lengths) throws Exception {
        byte[] file = C4gh.encrypt(PLAINTEXT, GATEWAY, CHARITE.publicKey());
        Crypt4ghHeader header = Crypt4ghHeader.read(new ByteArrayInputStream(file), CHARITE);
        byte[] edited = header.withEditList(new EditList(lengths)).reencrypt(GATEWAY, List.of(CHARITE.publicKey()));
        return concat(edited, Arrays.copyOfRange(file, (int) header.length(), file.length));
    }

    private static byte[] slice(int from, int to) {
        return Arrays.copyOfRange(PLAINTEXT, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
