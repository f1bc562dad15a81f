package org.sluice.cli.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.crypt.KeyOptions;
import org.sluice.cli.io.StagedOutput;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice package verify}: a package file against its signed manifest, offline with {@code --trust}. */
@Command(
        name = "verify",
        description = {
            "Verify a package file against its signed manifest (e.g. the FILE.c4gh and FILE.manifest.json that"
                    + " 'fetch --keep' left): the signature, the key it is sealed to, every size and digest, every"
                    + " segment. Offline when --trust is given.",
            "With --out, the plaintext is written there, once everything matched."
        })
public final class VerifyCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "FILE.c4gh", description = "The package file.")
    private Path packageFile;

    @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "Its signed manifest (JSON).")
    private Path manifestFile;

    @Mixin
    private KeyOptions key;

    @Mixin
    private TrustOptions trust;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Where to write the plaintext (default: verify only).")
    private Path out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    private boolean force;

    public VerifyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            StagedOutput.requireWritable(out, force);
        }
        Crypt4ghKeyPair pair = key.load(session.environment());
        Manifest manifest =
                PackageCheck.manifest(trust.verifier(session), Files.readAllBytes(manifestFile), null, pair);
        trust.checkAuditReceipt(session, manifest);
        VerifiedPackage verified;
        if (out == null) {
            verified = PackageCheck.decrypt(session, packageFile, manifest, pair, OutputStream.nullOutputStream());
        } else {
            try (StagedOutput plaintext = StagedOutput.create(out, force)) {
                verified = PackageCheck.decrypt(session, packageFile, manifest, pair, plaintext.stream());
                plaintext.commit();
            }
        }
        session.result(
                verified.plaintextSha256(),
                "verified " + manifest.packageId() + " (transfer " + manifest.transferId() + "): "
                        + Bytes.exact(verified.plaintextBytes()) + " of plaintext, sha256 " + verified.plaintextSha256()
                        + (out == null ? "" : "; written to " + out));
        return ExitCode.OK;
    }
}
