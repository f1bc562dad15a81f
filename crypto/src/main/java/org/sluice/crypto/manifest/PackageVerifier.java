package org.sluice.crypto.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.sluice.crypto.crypt4gh.Crypt4ghHeader;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;
import org.sluice.events.delivery.PackageFormat;

/**
 * Checks a Crypt4GH package against its (already verified) manifest while decrypting it: the key it is sealed
 * to, the header's digest, the body's size and digest, the plaintext's size and digest. Crypt4GH authenticates
 * each segment but not their order or number; the manifest closes that gap, and the errors say which
 * tampering the evidence points to.
 *
 * <p>The sink receives each segment's plaintext once it authenticates, before the whole package is checked:
 * treat what it holds as unverified until this returns (write to a temporary file, move it on success).
 */
public final class PackageVerifier {
    private static final int BUFFER_BYTES = 64 * 1024;

    private PackageVerifier() {}

    /**
     * Decrypts {@code pkg} with the partner's key into {@code plaintextSink}, checking every digest and size
     * the manifest states; the sink is flushed, not closed.
     *
     * @throws ManifestException a check against the manifest failed (the subclass and message say which)
     * @throws org.sluice.crypto.crypt4gh.Crypt4ghException the package is not readable Crypt4GH for this key
     */
    public static VerifiedPackage verify(
            InputStream pkg, Manifest manifest, Crypt4ghKeyPair partnerKey, OutputStream plaintextSink)
            throws IOException {
        Manifest.PackageRef expected = manifest.pkg();
        if (expected.format() != PackageFormat.CRYPT4GH) {
            throw new ManifestFormatException(
                    "this verifier reads Crypt4GH packages, the manifest says " + expected.format());
        }
        if (!expected.recipientKeyFingerprint().equals(partnerKey.fingerprint())) {
            throw new RecipientKeyMismatchException(expected.recipientKeyFingerprint(), partnerKey.fingerprint());
        }

        CountingDigestStream in = new CountingDigestStream(pkg);
        Crypt4ghHeader header = Crypt4ghHeader.read(in, partnerKey);
        long headerBytes = in.count();
        String headerSha256 = in.finish();
        requireDigest(
                "header",
                expected.headerSha256(),
                headerSha256,
                "the package header differs from the one the manifest was signed for");

        long expectedBody = expected.sizeBytes() - headerBytes;
        in.limit(Math.max(expectedBody, 0));
        MessageDigest plaintextDigest = CountingDigestStream.sha256();
        long plaintextBytes = copy(Crypt4ghReader.decrypt(header, in), plaintextSink, plaintextDigest, manifest);
        plaintextSink.flush();
        long bodyBytes = in.count();
        String bodySha256 = in.finish();
        String plaintextSha256 = HexFormat.of().formatHex(plaintextDigest.digest());

        requireBodySize(expectedBody, bodyBytes);
        if (plaintextBytes != manifest.plaintext().sizeBytes()) {
            throw new SizeMismatchException(
                    "plaintext",
                    manifest.plaintext().sizeBytes(),
                    plaintextBytes,
                    String.format(
                            Locale.ROOT,
                            "the plaintext is %,d bytes, the manifest says %,d",
                            plaintextBytes,
                            manifest.plaintext().sizeBytes()));
        }
        requireDigest(
                "plaintext",
                manifest.plaintext().sha256(),
                plaintextSha256,
                "every segment authenticates but the plaintext digest differs: segments were reordered or replaced");
        requireDigest(
                "body",
                expected.bodySha256(),
                bodySha256,
                "the body differs from the manifest although its plaintext matches: the segments were re-encrypted");
        return new VerifiedPackage(headerBytes + bodyBytes, headerSha256, bodySha256, plaintextBytes, plaintextSha256);
    }

    private static long copy(InputStream plaintext, OutputStream sink, MessageDigest digest, Manifest manifest)
            throws IOException {
        long limit = manifest.plaintext().sizeBytes();
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        for (int n; (n = plaintext.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                throw new SizeMismatchException(
                        "plaintext",
                        limit,
                        total,
                        String.format(
                                Locale.ROOT,
                                "the plaintext is longer than the manifest says: more than the %,d bytes expected",
                                limit));
            }
            digest.update(buffer, 0, n);
            sink.write(buffer, 0, n);
        }
        return total;
    }

    private static void requireBodySize(long expected, long found) throws SizeMismatchException {
        if (found == expected) {
            return;
        }
        long missing = expected - found;
        String cause;
        if (missing > 0 && missing % Crypt4ghWriter.ENCRYPTED_SEGMENT_BYTES == 0) {
            long segments = missing / Crypt4ghWriter.ENCRYPTED_SEGMENT_BYTES;
            cause = segments == 1 ? "a segment was dropped" : segments + " segments were dropped";
        } else {
            cause = missing > 0 ? "the package was truncated" : "bytes were added";
        }
        throw new SizeMismatchException(
                "body",
                expected,
                found,
                String.format(
                        Locale.ROOT,
                        "body is %,d bytes %s than the manifest says: %s (expected %,d, found %,d)",
                        Math.abs(missing),
                        missing > 0 ? "shorter" : "longer",
                        cause,
                        expected,
                        found));
    }

    private static void requireDigest(String what, String expected, String found, String explanation)
            throws DigestMismatchException {
        if (!MessageDigest.isEqual(
                expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                found.getBytes(StandardCharsets.US_ASCII))) {
            throw new DigestMismatchException(what, expected, found, explanation);
        }
    }
}
