package org.sluice.cli.licence;

import picocli.CommandLine.Command;

/** {@code sluice licence}: an institution's licence applications. */
@Command(
        name = "licence",
        description = "Your institution's licence applications (submitter token): apply, list, follow the status,"
                + " withdraw. A transfer may cite an application's licence id at once; it waits for the grant.",
        subcommands = {ApplyCommand.class, LicenceListCommand.class, LicenceStatusCommand.class, WithdrawCommand.class})
public final class LicenceCommand {}
