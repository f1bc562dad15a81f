package org.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sluice.testsupport.Fixtures;

/** {@code sluice decrypt} on the reference files of the EGA tool (fixtures/crypt4gh), offline. */
class DecryptTest {
    private static final String CHARITE_FILE = "crypt4gh/plaintext-70000.txt.p-charite.c4gh";
    private static final String PLAINTEXT = "crypt4gh/plaintext-70000.txt";
    private static final String PLAINTEXT_SHA256 = "e9e26b80357bec81e8726a7806a386be75942785ee211366423de22a91e0fcbd";

    @TempDir
    Path dir;

    @Test
    void decryptsTheReferenceFileWithTheRecipientsKey() {
        Path out = dir.resolve("plain.txt");
        Cli.Result r = decrypt(new Cli(), CHARITE_FILE, "p-charite", out);

        assertThat(r.exitCode()).isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path(PLAINTEXT));
        assertThat(r.out()).contains("70,000 bytes").contains(PLAINTEXT_SHA256);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFileForTwoRecipientsDecryptsWithEitherKey() {
        for (String partner : new String[] {"p-charite", "p-broad"}) {
            Path out = dir.resolve(partner + ".txt");
            Cli.Result r = decrypt(new Cli(), "crypt4gh/plaintext-70000.txt.p-charite+p-broad.c4gh", partner, out);

            assertThat(r.exitCode()).isZero();
            assertThat(out).hasSameBinaryContentAs(Fixtures.path(PLAINTEXT));
        }
    }

    @Test
    void theEmptyReferenceFileDecryptsToAnEmptyFile() {
        Path out = dir.resolve("empty.txt");
        Cli.Result r = decrypt(new Cli(), "crypt4gh/empty.txt.p-charite.c4gh", "p-charite", out);

        assertThat(r.exitCode()).isZero();
        assertThat(out).isEmptyFile();
    }

    @Test
    void theProtectedKeyUnlocksWithThePassphraseFromTheNamedVariable() {
        Path out = dir.resolve("plain.txt");
        Cli cli = new Cli().env("C4GH_PASS", SealedPackages.CHARITE_PASSPHRASE);
        Cli.Result r = decrypt(cli, CHARITE_FILE, "p-charite-protected", out, "--passphrase-env", "C4GH_PASS");

        assertThat(r.exitCode()).isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path(PLAINTEXT));
        assertThat(r.out() + r.err()).doesNotContain(SealedPackages.CHARITE_PASSPHRASE);
    }

    @Test
    void theProtectedKeyAsksForThePassphraseOnTheTerminal() {
        Path out = dir.resolve("plain.txt");
        Cli.Result r =
                decrypt(new Cli().typing(SealedPackages.CHARITE_PASSPHRASE), CHARITE_FILE, "p-charite-protected", out);

        assertThat(r.exitCode()).isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path(PLAINTEXT));
    }

    @Test
    void aProtectedKeyWithoutPassphraseOrTerminalFailsSayingHowToPassOne() {
        Cli.Result r = decrypt(new Cli(), CHARITE_FILE, "p-charite-protected", dir.resolve("plain.txt"));

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err())
                .isEqualTo("sluice: " + Fixtures.path("keys/p-charite-protected.sec")
                        + ": the secret key is passphrase-protected: a passphrase is required;"
                        + " pass it with --passphrase-env VAR\n");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aWrongPassphraseIsNamedAndNothingIsWritten() {
        Cli cli = new Cli().env("C4GH_PASS", "wrong horse");
        Cli.Result r = decrypt(
                cli, CHARITE_FILE, "p-charite-protected", dir.resolve("plain.txt"), "--passphrase-env", "C4GH_PASS");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).contains("wrong passphrase").doesNotContain("wrong horse");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anotherPartnersKeyIsRefusedAsWrongRecipientAndNothingIsWritten() {
        Cli.Result r = decrypt(new Cli(), CHARITE_FILE, "p-broad", dir.resolve("plain.txt"));

        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err()).startsWith("sluice: ").contains("wrong recipient").contains("nothing was written");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aTruncatedFileIsRefusedAndItsAuthenticatedSegmentsAreNotLeftBehind() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.path(CHARITE_FILE));
        Path truncated = Files.write(dir.resolve("truncated.c4gh"), Arrays.copyOf(whole, whole.length - 100));

        Cli.Result r = new Cli()
                .run(
                        "decrypt",
                        truncated.toString(),
                        "--key",
                        fixture("keys/p-charite.sec"),
                        "--out",
                        dir.resolve("plain.txt").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err()).contains("truncated last segment");
        assertThat(dir).isDirectoryNotContaining(p -> !p.equals(truncated));
    }

    @Test
    void anExpectedDigestThatDiffersKeepsTheOutputOut() {
        Cli.Result r =
                decrypt(new Cli(), CHARITE_FILE, "p-charite", dir.resolve("plain.txt"), "--sha256", "0".repeat(64));

        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err()).contains("expected " + "0".repeat(64) + ", found " + PLAINTEXT_SHA256);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExistingOutputIsNotReplacedWithoutForce() throws IOException {
        Path out = Files.writeString(dir.resolve("plain.txt"), "mine");

        Cli.Result refused = decrypt(new Cli(), CHARITE_FILE, "p-charite", out);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(refused.err()).contains(out + " exists (use --force to replace it)");
        assertThat(out).hasContent("mine");

        assertThat(decrypt(new Cli(), CHARITE_FILE, "p-charite", out, "--force").exitCode())
                .isZero();
        assertThat(out).hasSameBinaryContentAs(Fixtures.path(PLAINTEXT));
    }

    @Test
    void aProgressBarIsDrawnOnATerminalOnlyAndNeverWithQuiet() {
        Cli.Result onTerminal = decrypt(new Cli().terminal(true), CHARITE_FILE, "p-charite", dir.resolve("a"));
        Cli.Result quiet = decrypt(new Cli().terminal(true), CHARITE_FILE, "p-charite", dir.resolve("b"), "-q");
        Cli.Result piped = decrypt(new Cli().terminal(false), CHARITE_FILE, "p-charite", dir.resolve("c"));

        assertThat(onTerminal.err())
                .startsWith("\rdecrypt plaintext-70000.txt.p-charite.c4gh")
                .contains("100%");
        assertThat(onTerminal.out()).doesNotContain("\r");
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEqualTo(PLAINTEXT_SHA256 + "\n");
        assertThat(piped.err()).isEmpty();
    }

    private static Cli.Result decrypt(Cli cli, String c4gh, String key, Path out, String... more) {
        String[] args = {"decrypt", fixture(c4gh), "--key", fixture("keys/" + key + ".sec"), "--out", out.toString()};
        return cli.run(with(args, more));
    }

    static String fixture(String path) {
        return Fixtures.path(path).toString();
    }

    static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
