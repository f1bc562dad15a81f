package org.sluice.crypto.crypt4gh;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Header packets with fuzzed plaintext, properly sealed for the reader (or for someone else), so the
 * fuzzer gets past the MAC to the packet parser and the edit list; a body under the packet's data key
 * follows, optionally cut short or altered. The reader answers a {@link Crypt4ghException} or exactly the
 * plaintext the edit list selects.
 */
class HeaderPacketsFuzzTest {
    private static final Crypt4ghKeyPair READER = Crypt4ghKeyPair.generate();
    private static final Crypt4ghKeyPair WRITER = Crypt4ghKeyPair.generate();
    private static final byte[] SOMEONE_ELSE = Crypt4ghKeyPair.generate().publicKey();

    @FuzzTest(maxDuration = "10s")
    void readsOrRejects(FuzzedDataProvider data) throws IOException {
        int packets = data.consumeInt(0, 4);
        List<byte[]> contents = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ByteBuffer.allocate(Format.PREAMBLE_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(Format.MAGIC)
                .putInt(Format.VERSION)
                .putInt(packets)
                .array());
        Aead aead = new Aead();
        for (int i = 0; i < packets; i++) {
            byte[] content = data.consumeBytes(data.consumeInt(0, 200));
            boolean forReader = data.consumeBoolean();
            contents.add(forReader ? content : null);
            byte[] key = KeyExchange.writerKey(WRITER, forReader ? READER.publicKey() : SOMEONE_ELSE);
            byte[] sealed = aead.seal(key, content);
            file.writeBytes(ByteBuffer.allocate(8 + Format.KEY_BYTES + sealed.length)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(8 + Format.KEY_BYTES + sealed.length)
                    .putInt(Format.HEADER_METHOD_X25519_CHACHA20_POLY1305)
                    .put(WRITER.publicKey())
                    .put(sealed)
                    .array());
        }
        byte[] plaintext = new byte[data.consumeInt(0, 3 * Format.SEGMENT_BYTES)];
        Arrays.fill(plaintext, data.consumeByte());
        byte[] dataKey = contents.stream()
                .filter(HeaderPacketsFuzzTest::isDataKeyPacket)
                .findFirst()
                .map(c -> Arrays.copyOfRange(c, 8, 8 + Format.KEY_BYTES))
                .orElseGet(() -> Aead.randomBytes(Format.KEY_BYTES));
        try (OutputStream body = new EncryptingOutputStream(file, dataKey)) {
            body.write(plaintext);
        }
        byte[] bytes = file.toByteArray();
        boolean altered = data.consumeBoolean();
        if (altered && bytes.length > 0) {
            bytes = Arrays.copyOf(bytes, data.consumeInt(0, bytes.length - 1));
        }

        byte[] read;
        try (InputStream in = Crypt4ghReader.decrypt(new ByteArrayInputStream(bytes), READER)) {
            read = in.readAllBytes();
        } catch (Crypt4ghException expected) {
            return;
        }
        if (!altered) {
            assertThat(read).isEqualTo(selected(plaintext, editList(contents)));
        }
    }

    /** The edit list among the packets addressed to the reader, if one. */
    private static EditList editList(List<byte[]> contents) throws MalformedHeaderException {
        for (byte[] c : contents) {
            if (c != null
                    && c.length >= 4
                    && ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).getInt() == 1) {
                return EditList.decode(ByteBuffer.wrap(c, 4, c.length - 4).order(ByteOrder.LITTLE_ENDIAN), 0);
            }
        }
        return null;
    }

    private static boolean isDataKeyPacket(byte[] content) {
        return content != null
                && content.length == 8 + Format.KEY_BYTES
                && ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).getLong() == 0;
    }

    /** The plaintext an edit list keeps: skip, keep, skip, ...; an odd count keeps the rest. */
    private static byte[] selected(byte[] plaintext, EditList edits) {
        if (edits == null) {
            return plaintext;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long position = 0;
        List<Long> lengths = edits.lengths();
        for (int i = 0; i < lengths.size() && position < plaintext.length; i++) {
            long end = Math.min(plaintext.length, position + Math.min(lengths.get(i), plaintext.length));
            if (i % 2 == 1) {
                kept.write(plaintext, (int) position, (int) (end - position));
            }
            position = end;
        }
        if (lengths.size() % 2 == 1 && position < plaintext.length) {
            kept.write(plaintext, (int) position, (int) (plaintext.length - position));
        }
        return kept.toByteArray();
    }
}
