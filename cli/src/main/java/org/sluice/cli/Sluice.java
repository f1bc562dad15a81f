package org.sluice.cli;

import java.util.Optional;
import org.sluice.cli.crypt.DecryptCommand;
import org.sluice.cli.delivery.PackageCommand;
import org.sluice.cli.licence.LicenceCommand;
import org.sluice.cli.transfer.TransferCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sluice}: the command-line client of a Sluice gateway, for submitters and partners. */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Sluice.Version.class,
        description = "Submit genomic-data transfers to a Sluice gateway and apply for the export licences they need;"
                + " fetch the packages addressed to you, verify"
                + " them against their signed manifests and decrypt them (Crypt4GH).",
        subcommands = {TransferCommand.class, LicenceCommand.class, PackageCommand.class, DecryptCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  SLUICE_GATEWAY   gateway URL, when --gateway is not given",
            "  SLUICE_TOKEN     bearer token, when --token is not given"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed (a local file, a key file, an unexpected answer)",
            "2:the command line is wrong",
            "3:verification failed; nothing was written",
            "4:the gateway refused the request",
            "5:the gateway is unreachable or the connection broke off; run again to resume"
        })
public final class Sluice {

    @Mixin
    private GlobalOptions options;

    public static void main(String[] args) {
        System.exit(run(Environment.system(), args));
    }

    /** Runs the command line and returns its exit code ({@link ExitCode}). */
    public static int run(Environment environment, String... args) {
        Session session = new Session(environment, new GlobalOptions());
        CommandLine cli = new CommandLine(Sluice.class, new CommandFactory(session))
                .setOut(environment.out())
                .setErr(environment.err())
                .setParameterExceptionHandler((wrong, args1) -> {
                    CommandLine command = wrong.getCommandLine();
                    environment.err().println("sluice: " + wrong.getMessage());
                    CommandLine.UnmatchedArgumentException.printSuggestions(wrong, environment.err());
                    environment
                            .err()
                            .println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
                    return ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((thrown, commandLine, parsed) -> {
                    Failure failure = Failure.of(thrown);
                    environment.err().println("sluice: " + failure.message());
                    if (session.options().verbose()) {
                        thrown.printStackTrace(environment.err());
                    }
                    return failure.code();
                });
        try {
            return cli.execute(args);
        } finally {
            environment.out().flush();
            environment.err().flush();
        }
    }

    /** This client's version, from the jar's manifest ({@code dev} when run from classes). */
    public static String version() {
        return Optional.ofNullable(Sluice.class.getPackage().getImplementationVersion())
                .orElse("dev");
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sluice " + version()};
        }
    }
}
