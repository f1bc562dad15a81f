package org.sluice.cli.crypt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.console.Progress;
import org.sluice.cli.io.ProgressInputStream;
import org.sluice.cli.io.Sha256;
import org.sluice.cli.io.StagedOutput;
import org.sluice.crypto.crypt4gh.Crypt4ghException;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice decrypt}: any Crypt4GH file, with a key file, offline. */
@Command(
        name = "decrypt",
        description = {
            "Decrypt a Crypt4GH file with your secret key, offline (no gateway, no token).",
            "The plaintext is written under a temporary name beside --out and moved into place only when every"
                    + " segment has authenticated (and matched --sha256, if given). Crypt4GH alone cannot tell a"
                    + " dropped or reordered segment: compare the printed SHA-256 with the manifest's, pass it as"
                    + " --sha256, or use 'sluice package verify'."
        })
public final class DecryptCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "FILE.c4gh", description = "The Crypt4GH file.")
    private Path input;

    @Mixin
    private KeyOptions key;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the plaintext.")
    private Path out;

    @Option(
            names = "--sha256",
            paramLabel = "HEX",
            description = "The plaintext's expected SHA-256 (e.g. from the manifest); nothing is written unless it"
                    + " matches.")
    private String expectedSha256;

    @Option(names = "--force", description = "Replace --out if it exists.")
    private boolean force;

    public DecryptCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if (expectedSha256 != null && !Sha256.isHex(expectedSha256)) {
            throw new UsageException("--sha256 takes 64 hex digits, found '" + expectedSha256 + "'");
        }
        StagedOutput.requireWritable(out, force);
        Crypt4ghKeyPair pair = key.load(session.environment());
        MessageDigest digest = Sha256.digest();
        long plaintextBytes;
        try (StagedOutput output = StagedOutput.create(out, force)) {
            try (Progress progress = session.progress("decrypt " + input.getFileName(), Files.size(input), 0);
                    InputStream in = new ProgressInputStream(
                            new BufferedInputStream(Files.newInputStream(input), 64 * 1024), progress);
                    InputStream plaintext = Crypt4ghReader.decrypt(in, pair)) {
                plaintextBytes = plaintext.transferTo(new DigestOutputStream(output.stream(), digest));
            } catch (Crypt4ghException e) {
                throw new VerificationException(input + ": " + e.getMessage() + "; nothing was written", e);
            }
            String sha256 = Sha256.hex(digest);
            if (expectedSha256 != null && !Sha256.sameHex(expectedSha256, sha256)) {
                throw new VerificationException(String.format(
                        Locale.ROOT,
                        "%s: the plaintext SHA-256 differs from --sha256 (expected %s, found %s); nothing was"
                                + " written",
                        input,
                        expectedSha256.toLowerCase(Locale.ROOT),
                        sha256));
            }
            Path written = output.commit();
            session.result(
                    sha256,
                    "decrypted " + input + " to " + written + ": " + Bytes.exact(plaintextBytes) + ", sha256 "
                            + sha256);
        }
        return ExitCode.OK;
    }
}
