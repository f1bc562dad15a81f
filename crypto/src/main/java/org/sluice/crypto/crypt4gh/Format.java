package org.sluice.crypto.crypt4gh;

import java.nio.charset.StandardCharsets;

/** The constants of the GA4GH Crypt4GH 1.0 byte layout, in one place. */
final class Format {
    static final byte[] MAGIC = "crypt4gh".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** Magic, version and packet count. */
    static final int PREAMBLE_BYTES = 16;

    static final int HEADER_METHOD_X25519_CHACHA20_POLY1305 = 0;
    static final int PACKET_DATA_ENCRYPTION_PARAMETERS = 0;
    static final int PACKET_DATA_EDIT_LIST = 1;
    static final int DATA_METHOD_CHACHA20_POLY1305 = 0;

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int MAC_BYTES = 16;
    static final int SEGMENT_BYTES = 65_536;
    static final int CIPHER_SEGMENT_BYTES = NONCE_BYTES + SEGMENT_BYTES + MAC_BYTES;

    /** Packet length, method, writer public key, nonce; the sealed payload and its MAC follow. */
    static final int SEALED_PACKET_OVERHEAD = 4 + 4 + KEY_BYTES + NONCE_BYTES + MAC_BYTES;

    /** Bounds a hostile header cannot exceed: far above any real file, far below memory trouble. */
    static final long MAX_PACKETS = 1_024;

    static final int MAX_PACKET_BYTES = 65_536;

    private Format() {}
}
