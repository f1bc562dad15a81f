package org.sluice.cli.transfer;

import picocli.CommandLine.Command;

/** {@code sluice transfer}: the submitter's side. */
@Command(
        name = "transfer",
        description =
                "Your transfers (submitter token): precheck, create, upload the payload, follow the status, appeal a denial.",
        subcommands = {
            PrecheckCommand.class,
            CreateCommand.class,
            UploadCommand.class,
            StatusCommand.class,
            AppealCommand.class
        })
public final class TransferCommand {}
