package org.sluice.cli.delivery;

import picocli.CommandLine.Command;

/** {@code sluice package}: the partner's side. */
@Command(
        name = "package",
        description = "Packages addressed to you (partner token): list, fetch (download, verify, decrypt), verify"
                + " offline, acknowledge.",
        subcommands = {ListCommand.class, FetchCommand.class, VerifyCommand.class, AckCommand.class})
public final class PackageCommand {}
