package org.sluice.crypto.manifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.sluice.crypto.crypt4gh.Crypt4ghHeader;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;
import org.sluice.events.delivery.PackageFormat;

/** A package sealed the way the gateway seals one: staged for its own key, re-sealed for the partner. */
record SealedPackage(byte[] plaintext, byte[] bytes, Manifest manifest) {
    static final Instant SEALED_AT = Instant.parse("2026-11-23T10:15:30Z");

    static SealedPackage of(int plaintextBytes, Crypt4ghKeyPair staging, Crypt4ghKeyPair partner) throws IOException {
        byte[] plaintext = new byte[plaintextBytes];
        new SplittableRandom(plaintextBytes).nextBytes(plaintext);
        ByteArrayOutputStream staged = new ByteArrayOutputStream();
        try (OutputStream out = Crypt4ghWriter.encrypt(staged, staging, List.of(staging.publicKey()))) {
            out.write(plaintext);
        }
        Crypt4ghHeader stagedHeader = Crypt4ghHeader.read(new ByteArrayInputStream(staged.toByteArray()), staging);
        byte[] body = Arrays.copyOfRange(staged.toByteArray(), (int) stagedHeader.length(), staged.size());
        byte[] header = stagedHeader.reencrypt(staging, List.of(partner.publicKey()));
        byte[] bytes = concat(header, body);
        Manifest manifest = new Manifest(
                Manifest.SCHEMA,
                "tr-0001",
                "pkg-0001",
                "p-charite",
                new Manifest.DatasetRef("ds-bc-2024-07", "Breast cancer cohort WGS", "HUMAN_INDIVIDUAL", "VCF"),
                new Manifest.PlaintextRef(plaintextBytes, sha256(plaintext)),
                new Manifest.PackageRef(
                        PackageFormat.CRYPT4GH, bytes.length, sha256(header), sha256(body), partner.fingerprint()),
                new Manifest.DecisionRef(
                        "dec-0001",
                        "APPROVE_WITH_CONDITIONS",
                        "sha256:" + "ab".repeat(32),
                        List.of("POST_SHIPMENT_VERIFICATION")),
                SEALED_AT,
                SEALED_AT.plusSeconds(30 * 86_400),
                "https://gateway.sluice.example");
        return new SealedPackage(plaintext, bytes, manifest);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
