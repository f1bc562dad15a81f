package org.sluice.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.sluice.crypto.crypt4gh.Crypt4ghException;
import org.sluice.crypto.crypt4gh.Crypt4ghHeader;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghKeys;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.SignedManifest;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.testsupport.Fixtures;

/** Packages sealed the way the gateway seals them (staged for its key, re-sealed for the partner), and demo keys. */
final class SealedPackages {
    static final String CHARITE_PASSPHRASE = "correct horse battery staple";
    private static final Crypt4ghKeyPair STAGING = Crypt4ghKeyPair.generate();
    private static final Instant SEALED_AT = Instant.parse("2026-11-23T10:15:30Z");

    private SealedPackages() {}

    /**
     * A package and its signed manifest.
     *
     * @param plaintext the payload
     * @param bytes the package file
     * @param signedManifest the manifest's JSON as served
     */
    record Sealed(byte[] plaintext, byte[] bytes, byte[] signedManifest) {
        String plaintextSha256() {
            return FakeGateway.sha256(plaintext);
        }

        /** The same manifest with other package bytes: what a tampered store would serve. */
        Sealed serving(byte[] otherBytes) {
            return new Sealed(plaintext, otherBytes, signedManifest);
        }
    }

    /** Deterministic pseudo-random plaintext of the given size. */
    static byte[] plaintext(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }

    /** Seals {@code plaintext} for the partner's public key and signs its manifest with {@code signer}. */
    static Sealed seal(String packageId, byte[] plaintext, byte[] partnerPublicKey, SigningKey signer) {
        return seal(packageId, plaintext, partnerPublicKey, signer, null);
    }

    /** The same, the manifest carrying an audit receipt (of decision {@code dec-1}, if it is to verify). */
    static Sealed seal(
            String packageId,
            byte[] plaintext,
            byte[] partnerPublicKey,
            SigningKey signer,
            org.sluice.crypto.manifest.AuditReceipt receipt) {
        try {
            ByteArrayOutputStream staged = new ByteArrayOutputStream();
            try (OutputStream out = Crypt4ghWriter.encrypt(staged, STAGING, List.of(STAGING.publicKey()))) {
                out.write(plaintext);
            }
            Crypt4ghHeader header = Crypt4ghHeader.read(new ByteArrayInputStream(staged.toByteArray()), STAGING);
            byte[] body = Arrays.copyOfRange(staged.toByteArray(), (int) header.length(), staged.size());
            byte[] partnerHeader = header.reencrypt(STAGING, List.of(partnerPublicKey));
            byte[] bytes = new byte[partnerHeader.length + body.length];
            System.arraycopy(partnerHeader, 0, bytes, 0, partnerHeader.length);
            System.arraycopy(body, 0, bytes, partnerHeader.length, body.length);
            Manifest manifest = new Manifest(
                    Manifest.SCHEMA,
                    "tr-" + packageId,
                    packageId,
                    "p-charite",
                    new Manifest.DatasetRef("ds-bc-2024-07", "Breast cancer cohort WGS", "HUMAN_INDIVIDUAL", "VCF"),
                    new Manifest.PlaintextRef(plaintext.length, FakeGateway.sha256(plaintext)),
                    new Manifest.PackageRef(
                            PackageFormat.CRYPT4GH,
                            bytes.length,
                            FakeGateway.sha256(partnerHeader),
                            FakeGateway.sha256(body),
                            Crypt4ghKeys.fingerprint(partnerPublicKey)),
                    new Manifest.DecisionRef("dec-1", "APPROVE", "sha256:" + "ab".repeat(32), List.of()),
                    SEALED_AT,
                    SEALED_AT.plusSeconds(30 * 86_400),
                    "https://gateway.sluice.test");
            if (receipt != null) {
                manifest = manifest.withAuditReceipt(receipt);
            }
            return new Sealed(
                    plaintext, bytes, SignedManifest.sign(manifest, signer).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo partner's public key ({@code keys/<id>.pub}). */
    static byte[] publicKey(String partner) {
        try {
            return Crypt4ghKeys.readPublicKeyFile(fixtureText("keys/" + partner + ".pub"));
        } catch (Crypt4ghException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fixtureText(String fixture) {
        try {
            return Files.readString(Fixtures.path(fixture), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
