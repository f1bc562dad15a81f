package org.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sluice.testsupport.Fixtures;

/** {@code sluice decrypt} on the reference files of the EGA tool (shared fixtures), offline. */
class DecryptTest {
    private static final String PLAINTEXT_SHA256 = "e9e26b80357bec81e8726a7806a386be75942785ee211366423de22a91e0fcbd";

    @TempDir
    Path dir;

    @Test
    void decryptsTheReferenceFileWithTheRecipientsKey() throws IOException {
        Path out = dir.resolve("plain.txt");
        Cli.Result r = new Cli()
                .run(
                        "decrypt",
                        fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-charite.sec"),
                        "--out",
                        out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path("crypt4gh/plaintext-70000.txt"));
        assertThat(r.out()).contains("70,000 bytes").contains(PLAINTEXT_SHA256);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFileForTwoRecipientsDecryptsWithEitherKey() throws IOException {
        for (String partner : new String[] {"p-charite", "p-broad"}) {
            Path out = dir.resolve(partner + ".txt");
            Cli.Result r = new Cli()
                    .run(
                            "decrypt",
                            fixture("crypt4gh/plaintext-70000.txt.p-charite+p-broad.c4gh"),
                            "--key",
                            fixture("keys/" + partner + ".sec"),
                            "-o",
                            out.toString());

            assertThat(r.exitCode()).isZero();
            assertThat(out).hasSameBinaryContentAs(Fixtures.path("crypt4gh/plaintext-70000.txt"));
        }
    }

    @Test
    void theEmptyReferenceFileDecryptsToAnEmptyFile() throws IOException {
        Path out = dir.resolve("empty.txt");
        Cli.Result r = new Cli()
                .run(
                        "decrypt",
                        fixture("crypt4gh/empty.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-charite.sec"),
                        "--out",
                        out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(out).isEmptyFile();
    }

    @Test
    void theProtectedKeyUnlocksWithThePassphraseFromTheNamedVariable() {
        Path out = dir.resolve("plain.txt");
        Cli.Result r = new Cli()
                .env("C4GH_PASS", SealedPackages.CHARITE_PASSPHRASE)
                .run(
                        "decrypt",
                        fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-charite-protected.sec"),
                        "--passphrase-env",
                        "C4GH_PASS",
                        "--out",
                        out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path("crypt4gh/plaintext-70000.txt"));
        assertThat(r.out() + r.err()).doesNotContain(SealedPackages.CHARITE_PASSPHRASE);
    }

    @Test
    void theProtectedKeyAsksForThePassphraseOnTheTerminal() {
        Path out = dir.resolve("plain.txt");
        Cli.Result r = new Cli()
                .typing(SealedPackages.CHARITE_PASSPHRASE)
                .run(
                        "decrypt",
                        fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-charite-protected.sec"),
                        "--out",
                        out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path("crypt4gh/plaintext-70000.txt"));
    }

    @Test
    void aProtectedKeyWithoutPassphraseOrTerminalFailsSayingHowToPassOne() {
        Cli.Result r = new Cli()
                .run(
                        "decrypt",
                        fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-charite-protected.sec"),
                        "--out",
                        dir.resolve("plain.txt").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err().strip())
                .isEqualTo("sluice: " + Fixtures.path("keys/p-charite-protected.sec")
                        + ": the secret key is passphrase-protected: a passphrase is required;"
                        + " pass it with --passphrase-env VAR");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aWrongPassphraseIsNamedAndNothingIsWritten() {
        Cli.Result r = new Cli()
                .env("C4GH_PASS", "wrong horse")
                .run(
                        "decrypt",
                        fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-charite-protected.sec"),
                        "--passphrase-env",
                        "C4GH_PASS",
                        "--out",
                        dir.resolve("plain.txt").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).contains("wrong passphrase").doesNotContain("wrong horse");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anotherPartnersKeyIsRefusedAsWrongRecipientAndNothingIsWritten() {
        Cli.Result r = new Cli()
                .run(
                        "decrypt",
                        fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-broad.sec"),
                        "--out",
                        dir.resolve("plain.txt").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err()).startsWith("sluice: ").contains("wrong recipient").contains("nothing was written");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aTruncatedFileIsRefusedAndItsAuthenticatedSegmentsAreNotLeftBehind() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.path("crypt4gh/plaintext-70000.txt.p-charite.c4gh"));
        Path truncated = Files.write(dir.resolve("truncated.c4gh"), java.util.Arrays.copyOf(whole, whole.length - 100));
        Path out = dir.resolve("plain.txt");

        Cli.Result r = new Cli()
                .run("decrypt", truncated.toString(), "--key", fixture("keys/p-charite.sec"), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err()).contains("truncated last segment");
        assertThat(dir)
                .isDirectoryContaining(p -> p.equals(truncated))
                .isDirectoryNotContaining(p -> !p.equals(truncated));
    }

    @Test
    void anExpectedDigestThatDiffersKeepsTheOutputOut() {
        Path out = dir.resolve("plain.txt");
        Cli.Result r = new Cli()
                .run(
                        "decrypt",
                        fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
                        "--key",
                        fixture("keys/p-charite.sec"),
                        "--out",
                        out.toString(),
                        "--sha256",
                        "0".repeat(64));

        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err()).contains("expected " + "0".repeat(64) + ", found " + PLAINTEXT_SHA256);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExistingOutputIsNotReplacedWithoutForce() throws IOException {
        Path out = Files.writeString(dir.resolve("plain.txt"), "mine");
        String[] args = {
            "decrypt",
            fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"),
            "--key",
            fixture("keys/p-charite.sec"),
            "--out",
            out.toString()
        };

        Cli.Result refused = new Cli().run(args);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(refused.err()).contains(out + " exists (use --force to replace it)");
        assertThat(out).hasContent("mine");

        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(new Cli().run(forced).exitCode()).isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path("crypt4gh/plaintext-70000.txt"));
    }

    @Test
    void aProgressBarIsDrawnOnATerminalOnlyAndNeverWithQuiet() {
        String[] args = {
            "decrypt", fixture("crypt4gh/plaintext-70000.txt.p-charite.c4gh"), "--key", fixture("keys/p-charite.sec")
        };

        Cli.Result onTerminal = new Cli()
                .terminal(true)
                .run(with(args, "--out", dir.resolve("a").toString()));
        Cli.Result quiet = new Cli()
                .terminal(true)
                .run(with(args, "--out", dir.resolve("b").toString(), "-q"));
        Cli.Result piped = new Cli()
                .terminal(false)
                .run(with(args, "--out", dir.resolve("c").toString()));

        assertThat(onTerminal.err())
                .startsWith("\rdecrypt plaintext-70000.txt.p-charite.c4gh")
                .contains("100%");
        assertThat(onTerminal.out()).doesNotContain("\r");
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out().strip()).isEqualTo(PLAINTEXT_SHA256);
        assertThat(piped.err()).isEmpty();
    }

    static String fixture(String path) {
        return Fixtures.path(path).toString();
    }

    static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
