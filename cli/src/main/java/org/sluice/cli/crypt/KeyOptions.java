package org.sluice.cli.crypt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.sluice.cli.Environment;
import org.sluice.cli.UsageException;
import org.sluice.crypto.crypt4gh.Crypt4ghException;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.WrongPassphraseException;
import picocli.CommandLine.Option;

/** The recipient's Crypt4GH secret key: {@code --key FILE [--passphrase-env VAR]}. */
public final class KeyOptions {

    @Option(
            names = "--key",
            required = true,
            paramLabel = "FILE",
            description = "Your Crypt4GH secret key file (-----BEGIN CRYPT4GH PRIVATE KEY-----).")
    private Path keyFile;

    @Option(
            names = "--passphrase-env",
            paramLabel = "VAR",
            description = "Environment variable holding the key's passphrase. Without it, a protected key's"
                    + " passphrase is asked for on the terminal.")
    private String passphraseVariable;

    /**
     * Reads the key. A protected key is unlocked with the passphrase from {@code --passphrase-env}, else with one
     * typed at the terminal; with neither, it fails saying how to pass one.
     */
    public Crypt4ghKeyPair load(Environment environment) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.UTF_8);
        char[] passphrase = null;
        if (passphraseVariable != null) {
            String value = environment.variables().apply(passphraseVariable);
            if (value == null) {
                throw new UsageException(
                        "the environment variable " + passphraseVariable + " (--passphrase-env) is not set");
            }
            passphrase = value.toCharArray();
        }
        try {
            return read(text, passphrase);
        } catch (WrongPassphraseException e) {
            if (passphrase != null) {
                throw failure(e, "");
            }
            Optional<char[]> typed = environment.prompt().ask("Passphrase for " + keyFile + ": ");
            if (typed.isEmpty()) {
                throw failure(e, "; pass it with --passphrase-env VAR");
            }
            try {
                return read(text, typed.get());
            } catch (Crypt4ghException again) {
                throw failure(again, "");
            } finally {
                Arrays.fill(typed.get(), '\0');
            }
        } catch (Crypt4ghException e) {
            throw failure(e, "");
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static Crypt4ghKeyPair read(String text, char[] passphrase) throws Crypt4ghException {
        return Crypt4ghKeyPair.fromSecretKeyFile(text, passphrase);
    }

    private IOException failure(Crypt4ghException e, String hint) {
        return new IOException(keyFile + ": " + e.getMessage() + hint, e);
    }
}
