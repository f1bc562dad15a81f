package org.sluice.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.sluice.cli.crypt.VerificationException;
import org.sluice.cli.http.GatewayException;
import org.sluice.cli.http.GatewayUnreachableException;
import org.sluice.cli.io.InterruptedTransferException;
import org.sluice.crypto.crypt4gh.Crypt4ghException;
import org.sluice.crypto.crypt4gh.KeyFileException;
import org.sluice.crypto.crypt4gh.WrongPassphraseException;
import org.sluice.crypto.manifest.ManifestException;

/**
 * How a command's failure ends the process: its exit code and the one line printed on stderr.
 *
 * @param code the exit code ({@link ExitCode})
 * @param message one line saying what failed, never a token or key material
 */
public record Failure(int code, String message) {

    /** The failure a thrown exception stands for. */
    public static Failure of(Throwable thrown) {
        Throwable cause = thrown instanceof UncheckedIOException unchecked ? unchecked.getCause() : thrown;
        return new Failure(code(cause), oneLine(message(cause)));
    }

    private static int code(Throwable thrown) {
        if (thrown instanceof UsageException) {
            return ExitCode.USAGE;
        }
        if (thrown instanceof GatewayException) {
            return ExitCode.REFUSED;
        }
        if (thrown instanceof GatewayUnreachableException || thrown instanceof InterruptedTransferException) {
            return ExitCode.UNREACHABLE;
        }
        if (thrown instanceof VerificationException || thrown instanceof ManifestException) {
            return ExitCode.VERIFICATION;
        }
        if (thrown instanceof Crypt4ghException
                && !(thrown instanceof KeyFileException)
                && !(thrown instanceof WrongPassphraseException)) {
            return ExitCode.VERIFICATION;
        }
        return ExitCode.FAILURE;
    }

    private static String message(Throwable thrown) {
        if (thrown instanceof FileAlreadyExistsException e) {
            return e.getFile() + " " + (e.getReason() == null ? "exists" : e.getReason());
        }
        if (thrown instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (thrown instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (thrown instanceof FileSystemException e) {
            return e.getFile() + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        }
        if (thrown instanceof RuntimeException && !(thrown instanceof UsageException)) {
            return "unexpected error (" + thrown.getClass().getSimpleName() + "): " + thrown.getMessage()
                    + "; --verbose shows where";
        }
        return thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
