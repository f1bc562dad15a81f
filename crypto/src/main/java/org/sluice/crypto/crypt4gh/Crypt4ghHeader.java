package org.sluice.crypto.crypt4gh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The header of a Crypt4GH file as one reader sees it: the data key(s) and the edit list of the packets
 * addressed to that reader, and the number of bytes the header occupies. Re-encrypting it for other
 * recipients gives a new header for the same body: the cost does not depend on the payload's size.
 */
public final class Crypt4ghHeader {
    private final List<byte[]> dataKeys;
    private final EditList editList;
    private final long length;

    private Crypt4ghHeader(List<byte[]> dataKeys, EditList editList, long length) {
        this.dataKeys = List.copyOf(dataKeys);
        this.editList = editList;
        this.length = length;
    }

    /**
     * Reads exactly the header's bytes from the stream, decrypting the packets addressed to {@code reader};
     * the stream is left at the first byte of the body.
     */
    public static Crypt4ghHeader read(InputStream c4gh, Crypt4ghKeyPair reader) throws IOException {
        ByteBuffer preamble = readPreamble(c4gh);
        long packetCount = Integer.toUnsignedLong(preamble.getInt(12));
        if (packetCount > Format.MAX_PACKETS) {
            throw new MalformedHeaderException(
                    "the header declares " + packetCount + " packets, at most " + Format.MAX_PACKETS + " are read");
        }
        Aead aead = new Aead();
        List<byte[]> dataKeys = new ArrayList<>(1);
        EditList editList = null;
        long length = Format.PREAMBLE_BYTES;
        int addressed = 0;
        for (int i = 0; i < packetCount; i++) {
            byte[] packet = readPacket(c4gh, i);
            length += 4 + packet.length;
            byte[] content = open(packet, reader, aead);
            if (content == null) {
                continue;
            }
            addressed++;
            ByteBuffer in = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            long type = content.length < 4 ? -1 : Integer.toUnsignedLong(in.getInt());
            if (type == Format.PACKET_DATA_ENCRYPTION_PARAMETERS) {
                dataKeys.add(dataKey(in, i));
            } else if (type == Format.PACKET_DATA_EDIT_LIST) {
                if (editList != null) {
                    throw new MalformedHeaderException(
                            "packet " + i + " is a second edit list: at most one is allowed");
                }
                editList = EditList.decode(in, i);
            } else {
                throw new MalformedHeaderException("packet " + i + " has unknown type " + type
                        + ": expected 0 (data encryption parameters) or 1 (data edit list)");
            }
        }
        if (addressed == 0) {
            throw new NoMatchingRecipientException((int) packetCount, reader.fingerprint());
        }
        if (dataKeys.isEmpty()) {
            throw new MalformedHeaderException("no data encryption parameters are addressed to this key");
        }
        return new Crypt4ghHeader(dataKeys, editList, length);
    }

    /** Bytes the header occupies on disk: the body starts at this offset. */
    public long length() {
        return length;
    }

    /** The edit list addressed to the reader, if any: alternating lengths of plaintext to skip and keep. */
    public Optional<List<Long>> editList() {
        return Optional.ofNullable(editList).map(EditList::lengths);
    }

    /**
     * A new header with the same data key(s) and edit list, for other recipients: the body bytes after
     * {@link #length()} are reused unchanged.
     */
    public byte[] reencrypt(Crypt4ghKeyPair writer, List<byte[]> recipientPublicKeys) {
        return encode(dataKeys, editList, writer, recipientPublicKeys);
    }

    /** This header with another edit list (Sluice writes none; tests and partial exports do). */
    Crypt4ghHeader withEditList(EditList replacement) {
        return new Crypt4ghHeader(dataKeys, replacement, length);
    }

    /** The edit list, or null when the header has none. */
    EditList edits() {
        return editList;
    }

    List<byte[]> dataKeys() {
        return dataKeys;
    }

    /** The header bytes: for each recipient, one packet per data key and one for the edit list, if any. */
    static byte[] encode(List<byte[]> dataKeys, EditList editList, Crypt4ghKeyPair writer, List<byte[]> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a Crypt4GH header needs at least one recipient");
        }
        List<byte[]> contents = new ArrayList<>();
        for (byte[] dataKey : dataKeys) {
            contents.add(ByteBuffer.allocate(8 + Format.KEY_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(Format.PACKET_DATA_ENCRYPTION_PARAMETERS)
                    .putInt(Format.DATA_METHOD_CHACHA20_POLY1305)
                    .put(dataKey)
                    .array());
        }
        if (editList != null) {
            contents.add(editList.encode());
        }
        Aead aead = new Aead();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(Format.PREAMBLE_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(Format.MAGIC)
                .putInt(Format.VERSION)
                .putInt(recipients.size() * contents.size())
                .array());
        byte[] writerPublic = writer.publicKey();
        for (byte[] recipient : recipients) {
            Crypt4ghKeys.requireKey(recipient, "recipient public key");
            byte[] key = KeyExchange.writerKey(writer, recipient);
            if (key == null) {
                throw new IllegalArgumentException(
                        "recipient key " + Crypt4ghKeys.fingerprint(recipient) + " is a weak X25519 point");
            }
            for (byte[] content : contents) {
                byte[] sealed = aead.seal(key, content);
                out.writeBytes(ByteBuffer.allocate(8 + Format.KEY_BYTES + sealed.length)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(8 + Format.KEY_BYTES + sealed.length)
                        .putInt(Format.HEADER_METHOD_X25519_CHACHA20_POLY1305)
                        .put(writerPublic)
                        .put(sealed)
                        .array());
            }
            Arrays.fill(key, (byte) 0);
        }
        return out.toByteArray();
    }

    private static ByteBuffer readPreamble(InputStream c4gh) throws IOException {
        byte[] preamble = c4gh.readNBytes(Format.PREAMBLE_BYTES);
        int magicBytes = Math.min(preamble.length, Format.MAGIC.length);
        if (preamble.length < Format.MAGIC.length
                || !Arrays.equals(preamble, 0, magicBytes, Format.MAGIC, 0, Format.MAGIC.length)) {
            throw new NotCrypt4ghException("not a Crypt4GH file: expected the magic 'crypt4gh' (6372797074346768),"
                    + " found "
                    + (preamble.length == 0 ? "an empty stream" : HexFormat.of().formatHex(preamble, 0, magicBytes)));
        }
        if (preamble.length < Format.PREAMBLE_BYTES) {
            throw new MalformedHeaderException(
                    "the header ends after " + preamble.length + " bytes, expected at least " + Format.PREAMBLE_BYTES);
        }
        ByteBuffer in = ByteBuffer.wrap(preamble).order(ByteOrder.LITTLE_ENDIAN);
        long version = Integer.toUnsignedLong(in.getInt(8));
        if (version != Format.VERSION) {
            throw new UnsupportedVersionException(version);
        }
        return in;
    }

    private static byte[] readPacket(InputStream c4gh, int index) throws IOException {
        byte[] lengthBytes = c4gh.readNBytes(4);
        if (lengthBytes.length < 4) {
            throw new MalformedHeaderException("the header ends before packet " + index);
        }
        long length = Integer.toUnsignedLong(
                ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (length < 8 || length > Format.MAX_PACKET_BYTES) {
            throw new MalformedHeaderException(
                    "packet " + index + " declares " + length + " bytes, expected 8 to " + Format.MAX_PACKET_BYTES);
        }
        byte[] packet = c4gh.readNBytes((int) length - 4);
        if (packet.length < length - 4) {
            throw new MalformedHeaderException(
                    "the header ends inside packet " + index + ": " + (packet.length + 4) + " of " + length + " bytes");
        }
        return packet;
    }

    /** The decrypted content of a packet addressed to the reader, or null if it is addressed to another. */
    private static byte[] open(byte[] packet, Crypt4ghKeyPair reader, Aead aead) {
        ByteBuffer in = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        // packets of another header method are for readers that know it; Crypt4GH 1.0 defines only X25519
        if (in.getInt() != Format.HEADER_METHOD_X25519_CHACHA20_POLY1305
                || packet.length < Format.SEALED_PACKET_OVERHEAD - 4) {
            return null;
        }
        byte[] writerPublic = Arrays.copyOfRange(packet, 4, 4 + Format.KEY_BYTES);
        byte[] key = KeyExchange.readerKey(reader, writerPublic);
        if (key == null) {
            return null;
        }
        try {
            return aead.open(key, Arrays.copyOfRange(packet, 4 + Format.KEY_BYTES, packet.length));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] dataKey(ByteBuffer in, int index) throws Crypt4ghException {
        if (in.remaining() != 4 + Format.KEY_BYTES) {
            throw new MalformedHeaderException(
                    "packet " + index + ": data encryption parameters are 40 bytes, found " + (in.remaining() + 4));
        }
        long method = Integer.toUnsignedLong(in.getInt());
        if (method != Format.DATA_METHOD_CHACHA20_POLY1305) {
            throw new UnsupportedMethodException("packet " + index + ": unsupported data encryption method " + method
                    + ", expected 0 (chacha20_ietf_poly1305)");
        }
        byte[] key = new byte[Format.KEY_BYTES];
        in.get(key);
        return key;
    }
}
