package org.sluice.cli.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.IdConverter;
import org.sluice.cli.Session;
import org.sluice.cli.io.FileDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sluice package ack}: acknowledges a package fetched earlier, from its plaintext file. */
@Command(
        name = "ack",
        description = {
            "Acknowledge a package you fetched and decrypted: the plaintext's SHA-256 is sent to the gateway,"
                    + " which compares it with the one it recorded at upload.",
            "('sluice package fetch --ack' does this itself.)"
        })
public final class AckCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "PACKAGE", converter = IdConverter.class, description = "The package id.")
    private String packageId;

    @Parameters(index = "1", paramLabel = "FILE", description = "The decrypted plaintext.")
    private Path plaintext;

    public AckCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        session.gateway(); // a missing token fails before a large file is read
        Acknowledgement.send(
                session, packageId, FileDigest.of(plaintext, session::progress).sha256());
        return ExitCode.OK;
    }
}
