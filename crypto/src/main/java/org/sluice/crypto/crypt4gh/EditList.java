package org.sluice.crypto.crypt4gh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A data edit list: alternating lengths of plaintext to skip and to keep, starting with a skip. With an
 * odd number of lengths the last kept range runs to the end of the plaintext.
 */
record EditList(List<Long> lengths) {

    EditList {
        lengths = List.copyOf(lengths);
        for (long length : lengths) {
            if (length < 0) {
                throw new IllegalArgumentException("edit list lengths are unsigned, found " + length);
            }
        }
    }

    static EditList decode(ByteBuffer in, int packetIndex) throws MalformedHeaderException {
        long count = in.remaining() < 4 ? -1 : Integer.toUnsignedLong(in.getInt());
        if (count < 0 || in.remaining() != count * 8) {
            throw new MalformedHeaderException("packet " + packetIndex + ": the edit list declares " + count
                    + " lengths but carries " + in.remaining() + " bytes of them");
        }
        Long[] lengths = new Long[(int) count];
        for (int i = 0; i < count; i++) {
            long length = in.getLong();
            if (length < 0) {
                throw new MalformedHeaderException(
                        "packet " + packetIndex + ": edit list length " + i + " exceeds 2^63-1 bytes");
            }
            lengths[i] = length;
        }
        return new EditList(List.of(lengths));
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(8 + 8 * lengths.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(Format.PACKET_DATA_EDIT_LIST).putInt(lengths.size());
        lengths.forEach(out::putLong);
        return out.array();
    }
}
