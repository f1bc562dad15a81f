package org.sluice.cli.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.IdConverter;
import org.sluice.cli.Session;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.crypt.KeyOptions;
import org.sluice.cli.crypt.VerificationException;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.io.Retries;
import org.sluice.cli.io.StagedOutput;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice package fetch}: download, verify, decrypt, move into place, and optionally acknowledge. */
@Command(
        name = "fetch",
        description = {
            "Fetch a package: verify its manifest's signature, download it (resuming an earlier attempt from"
                    + " FILE.<package>.part), check its sizes and digests against the manifest while decrypting it"
                    + " with your key, and move the plaintext to FILE only when everything matched.",
            "On a failed check nothing is written and the downloaded bytes are deleted."
        })
public final class FetchCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "PACKAGE", converter = IdConverter.class, description = "The package id.")
    private String packageId;

    @Mixin
    private KeyOptions key;

    @Mixin
    private TrustOptions trust;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the plaintext.")
    private Path out;

    @Option(names = "--ack", description = "Acknowledge the package with the plaintext's SHA-256 once verified.")
    private boolean ack;

    @Option(
            names = "--keep",
            description = "Also keep the verified package as FILE.c4gh and its signed manifest as FILE.manifest.json.")
    private boolean keep;

    @Option(names = "--force", description = "Replace FILE (and the --keep files) if they exist.")
    private boolean force;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "3",
            description = "How often a broken-off download is resumed before giving up (default: ${DEFAULT-VALUE}).")
    private int retries;

    public FetchCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Path keptPackage = sibling(out, ".c4gh");
        Path keptManifest = sibling(out, ".manifest.json");
        StagedOutput.requireWritable(out, force);
        if (keep) {
            StagedOutput.requireWritable(keptPackage, force);
            StagedOutput.requireWritable(keptManifest, force);
        }
        Crypt4ghKeyPair pair = key.load(session.environment());
        GatewayClient gateway = session.gateway();

        byte[] signedManifest = gateway.getBytes(PackagePaths.manifest(packageId));
        Manifest manifest = PackageCheck.manifest(trust.verifier(session), signedManifest, packageId, pair);
        trust.checkAuditReceipt(session, manifest);
        session.status("manifest of " + packageId + " verified: transfer " + manifest.transferId() + ", "
                + Bytes.exact(manifest.pkg().sizeBytes()) + ", sealed " + manifest.sealedAt());

        Path partial = sibling(out, "." + packageId + ".part");
        new Downloader(gateway, new Retries(session.environment().pause(), retries), session::progress)
                .download(
                        PackagePaths.content(packageId), partial, manifest.pkg().sizeBytes(), "fetch " + packageId);

        VerifiedPackage verified;
        try (StagedOutput plaintext = StagedOutput.create(out, force)) {
            verified = PackageCheck.decrypt(session, partial, manifest, pair, plaintext.stream());
            plaintext.commit();
        } catch (VerificationException e) {
            Files.deleteIfExists(partial); // not the package the manifest describes: the next run starts afresh
            throw e;
        }
        if (keep) {
            Files.write(keptManifest, signedManifest);
            Files.move(partial, keptPackage, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(partial);
        }
        session.result(
                verified.plaintextSha256(),
                "fetched " + packageId + " to " + out + ": " + Bytes.exact(verified.plaintextBytes()) + ", sha256 "
                        + verified.plaintextSha256() + " (signature, sizes and digests verified)");
        if (ack) {
            Acknowledgement.send(session, packageId, verified.plaintextSha256());
        }
        return ExitCode.OK;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
