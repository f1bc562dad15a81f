package org.sluice.crypto.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.NoMatchingRecipientException;
import org.sluice.crypto.crypt4gh.SegmentAuthenticationException;
import org.sluice.crypto.sign.SigningKey;

/** A package checked against its signed manifest; the bad packages are named for their defect. */
class PackageVerifierTest {
    private static final Crypt4ghKeyPair STAGING = Crypt4ghKeyPair.generate();
    private static final Crypt4ghKeyPair PARTNER = Crypt4ghKeyPair.generate();
    private static final int SEGMENT = 65_564;
    /** Three segments: two full, one of 1,000 bytes. */
    private static final int SIZE = 2 * 65_536 + 1_000;

    @Test
    void aGoodPackageDecryptsToThePlaintextAndReportsItsDigests() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        VerifiedPackage verified = verify(sealed.bytes(), sealed.manifest(), sink);

        assertThat(sink.toByteArray()).isEqualTo(sealed.plaintext());
        assertThat(verified.plaintextSha256())
                .isEqualTo(sealed.manifest().plaintext().sha256());
        assertThat(verified.bodySha256()).isEqualTo(sealed.manifest().pkg().bodySha256());
        assertThat(verified.packageBytes()).isEqualTo(sealed.bytes().length);
    }

    @Test
    void anEmptyPayloadVerifies() throws Exception {
        SealedPackage sealed = SealedPackage.of(0, STAGING, PARTNER);
        assertThat(verify(sealed.bytes(), sealed.manifest(), new ByteArrayOutputStream())
                        .plaintextBytes())
                .isZero();
    }

    @Test
    void segmentDropped() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        int header = 124;
        byte[] dropped = SealedPackage.concat(
                Arrays.copyOfRange(sealed.bytes(), 0, header + SEGMENT),
                Arrays.copyOfRange(sealed.bytes(), header + 2 * SEGMENT, sealed.bytes().length));

        assertThatThrownBy(() -> verify(dropped, sealed.manifest(), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(
                        SizeMismatchException.class, e -> assertThat(e.what()).isEqualTo("body"))
                .hasMessage("body is 65,564 bytes shorter than the manifest says: a segment was dropped"
                        + " (expected 132,156, found 66,592)");
    }

    @Test
    void twoSegmentsSwapped() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        int header = 124;
        byte[] swapped = SealedPackage.concat(
                Arrays.copyOfRange(sealed.bytes(), 0, header),
                Arrays.copyOfRange(sealed.bytes(), header + SEGMENT, header + 2 * SEGMENT),
                Arrays.copyOfRange(sealed.bytes(), header, header + SEGMENT),
                Arrays.copyOfRange(sealed.bytes(), header + 2 * SEGMENT, sealed.bytes().length));

        assertThatThrownBy(() -> verify(swapped, sealed.manifest(), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(DigestMismatchException.class, e -> {
                    assertThat(e.what()).isEqualTo("plaintext");
                    assertThat(e.expected())
                            .isEqualTo(sealed.manifest().plaintext().sha256());
                })
                .hasMessageStartingWith("every segment authenticates but the plaintext digest differs:"
                        + " segments were reordered or replaced (plaintext SHA-256: expected "
                        + sealed.manifest().plaintext().sha256() + ", found ");
    }

    @Test
    void manifestDigestDoesNotMatchFile() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        SealedPackage other = SealedPackage.of(SIZE, STAGING, PARTNER);
        assertThatThrownBy(() -> verify(other.bytes(), sealed.manifest(), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(DigestMismatchException.class, e -> {
                    assertThat(e.what()).isEqualTo("header");
                    assertThat(e.found()).isEqualTo(other.manifest().pkg().headerSha256());
                })
                .hasMessage("the package header differs from the one the manifest was signed for (header SHA-256:"
                        + " expected " + sealed.manifest().pkg().headerSha256() + ", found "
                        + other.manifest().pkg().headerSha256() + ")");
    }

    @Test
    void aBodyDigestThatDoesNotMatchIsNamed() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        Manifest.PackageRef pkg = sealed.manifest().pkg();
        Manifest wrongBody = withPackage(
                sealed.manifest(),
                new Manifest.PackageRef(
                        pkg.format(),
                        pkg.sizeBytes(),
                        pkg.headerSha256(),
                        "00".repeat(32),
                        pkg.recipientKeyFingerprint()));
        assertThatThrownBy(() -> verify(sealed.bytes(), wrongBody, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(
                        DigestMismatchException.class, e -> assertThat(e.what()).isEqualTo("body"))
                .hasMessageStartingWith("the body differs from the manifest although its plaintext matches");
    }

    @Test
    void aLongerPackageStopsAtTheFirstExtraByte() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        byte[] longer = SealedPackage.concat(sealed.bytes(), new byte[1_000_000]);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThatThrownBy(() -> verify(longer, sealed.manifest(), sink))
                .isInstanceOf(SizeMismatchException.class)
                .hasMessage("the package body is longer than the manifest says: more than the 132,156 bytes expected");
    }

    @Test
    void aFlippedByteIsNamedByCrypt4ghWithItsSegment() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        byte[] flipped = sealed.bytes().clone();
        flipped[124 + 100] ^= 0x40;
        assertThatThrownBy(() -> verify(flipped, sealed.manifest(), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(
                        SegmentAuthenticationException.class,
                        e -> assertThat(e.segment()).isZero());
    }

    @Test
    void theWrongPartnerKeyIsRefusedBeforeReading() throws Exception {
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        Crypt4ghKeyPair other = Crypt4ghKeyPair.generate();
        assertThatThrownBy(() -> PackageVerifier.verify(
                        new ByteArrayInputStream(sealed.bytes()),
                        sealed.manifest(),
                        other,
                        new ByteArrayOutputStream()))
                .isInstanceOf(RecipientKeyMismatchException.class)
                .hasMessage("the package is sealed to key " + PARTNER.fingerprint() + ", but the key offered is "
                        + other.fingerprint());
        Manifest claimsOther = withPackage(
                sealed.manifest(),
                new Manifest.PackageRef(
                        sealed.manifest().pkg().format(),
                        sealed.manifest().pkg().sizeBytes(),
                        sealed.manifest().pkg().headerSha256(),
                        sealed.manifest().pkg().bodySha256(),
                        other.fingerprint()));
        assertThatThrownBy(() -> PackageVerifier.verify(
                        new ByteArrayInputStream(sealed.bytes()), claimsOther, other, new ByteArrayOutputStream()))
                .isInstanceOf(NoMatchingRecipientException.class);
    }

    @Test
    void theWholeChainVerifiesFromTheSignedJson() throws Exception {
        SigningKey gatewayKey = SigningKey.generate();
        SealedPackage sealed = SealedPackage.of(SIZE, STAGING, PARTNER);
        byte[] served = SignedManifest.sign(sealed.manifest(), gatewayKey).toJson();

        Manifest trusted = ManifestVerifier.trusting(gatewayKey.publicKey()).verify(served);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        verify(sealed.bytes(), trusted, sink);
        assertThat(sink.toByteArray()).isEqualTo(sealed.plaintext());
    }

    private static VerifiedPackage verify(byte[] pkg, Manifest manifest, ByteArrayOutputStream sink)
            throws IOException {
        return PackageVerifier.verify(new ByteArrayInputStream(pkg), manifest, PARTNER, sink);
    }

    private static Manifest withPackage(Manifest m, Manifest.PackageRef pkg) {
        return new Manifest(
                m.schema(),
                m.transferId(),
                m.packageId(),
                m.partnerId(),
                m.dataset(),
                m.plaintext(),
                pkg,
                m.decision(),
                m.sealedAt(),
                m.expiresAt(),
                m.issuer());
    }
}
