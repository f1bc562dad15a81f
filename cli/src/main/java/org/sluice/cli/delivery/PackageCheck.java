package org.sluice.cli.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sluice.cli.Session;
import org.sluice.cli.console.Progress;
import org.sluice.cli.crypt.VerificationException;
import org.sluice.cli.io.ProgressInputStream;
import org.sluice.crypto.crypt4gh.Crypt4ghException;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestException;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.crypto.manifest.PackageVerifier;
import org.sluice.crypto.manifest.VerifiedPackage;

/** The checks a partner runs on a package: the manifest's signature, then the package against the manifest. */
final class PackageCheck {
    private PackageCheck() {}

    /**
     * Verifies a signed manifest's signature and that it describes the expected package sealed to the given key.
     *
     * @param expectedPackageId the package asked for, or null when any will do (offline verification)
     */
    static Manifest manifest(
            ManifestVerifier verifier, byte[] signedManifest, String expectedPackageId, Crypt4ghKeyPair key)
            throws VerificationException {
        Manifest manifest;
        try {
            manifest = verifier.verify(signedManifest);
        } catch (ManifestException e) {
            throw refused(expectedPackageId == null ? "the manifest" : "package " + expectedPackageId, e);
        }
        if (expectedPackageId != null && !expectedPackageId.equals(manifest.packageId())) {
            throw new VerificationException("package " + expectedPackageId + " refused: its manifest is for package "
                    + manifest.packageId() + "; nothing was written");
        }
        if (!manifest.pkg().recipientKeyFingerprint().equals(key.fingerprint())) {
            throw new VerificationException("package " + manifest.packageId() + " refused: it is sealed to key "
                    + manifest.pkg().recipientKeyFingerprint() + ", but --key is " + key.fingerprint()
                    + "; nothing was written");
        }
        return manifest;
    }

    /**
     * Decrypts a package file into {@code plaintext}, checking it against its manifest: sizes, digests, and every
     * segment. What was written to {@code plaintext} is verified only when this returns.
     */
    static VerifiedPackage decrypt(
            Session session, Path packageFile, Manifest manifest, Crypt4ghKeyPair key, OutputStream plaintext)
            throws IOException {
        try (Progress progress = session.progress("verify " + manifest.packageId(), Files.size(packageFile), 0);
                InputStream in = new ProgressInputStream(
                        new BufferedInputStream(Files.newInputStream(packageFile), 64 * 1024), progress)) {
            return PackageVerifier.verify(in, manifest, key, plaintext);
        } catch (ManifestException | Crypt4ghException e) {
            throw refused("package " + manifest.packageId(), e);
        }
    }

    private static VerificationException refused(String what, IOException cause) {
        return new VerificationException(what + " refused: " + cause.getMessage() + "; nothing was written", cause);
    }
}
