package org.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Argument handling: help, usage errors, where the gateway and token come from, and what is never printed. */
class ArgumentsTest {

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result r = new Cli().run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("transfer", "licence", "package", "decrypt")
                .contains("3   verification failed; nothing was written")
                .contains("SLUICE_TOKEN");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {
            {"transfer", "create"},
            {"transfer", "upload"},
            {"transfer", "status"},
            {"transfer", "precheck"},
            {"licence", "apply"},
            {"licence", "list"},
            {"licence", "status"},
            {"licence", "withdraw"},
            {"package", "list"},
            {"package", "fetch"},
            {"package", "verify"},
            {"package", "ack"},
            {"decrypt"}
        }) {
            Cli.Result r = new Cli().run(DecryptTest.with(command, "--help"));
            assertThat(r.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(r.out()).startsWith("Usage: sluice " + String.join(" ", command));
        }
    }

    @Test
    void aMissingOptionIsAUsageErrorInOneLineWithAPointerToHelp() {
        Cli.Result r = new Cli().run("package", "fetch", "pkg-1");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("sluice: Missing required options: '--key=FILE', '--out=FILE'\n"
                        + "Try 'sluice package fetch --help' for more.\n");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        Cli.Result r = new Cli().run("packag", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Did you mean: sluice package?");
    }

    @Test
    void anIdThatWouldChangeTheRequestPathIsRefused() {
        Cli.Result r = new Cli().run("transfer", "status", "../admin");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'../admin' is not an id");
    }

    @Test
    void withoutATokenTheCommandSaysWhereToPutOne() {
        Cli.Result r = new Cli().run("package", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("sluice: no token: pass --token or set SLUICE_TOKEN\n");
    }

    @Test
    void theOptionsWinOverTheEnvironmentAndMayComeBeforeOrAfterTheCommand() throws IOException {
        try (FakeGateway gateway = new FakeGateway()) {
            Cli cli = new Cli().env("SLUICE_GATEWAY", "http://127.0.0.1:1").env("SLUICE_TOKEN", "stale");

            Cli.Result before = cli.run(
                    "--gateway", gateway.uri().toString(), "--token", FakeGateway.PARTNER, "package", "list", "-q");
            Cli.Result after =
                    cli.run("package", "list", "--gateway", gateway.uri().toString(), "--token", FakeGateway.PARTNER);

            assertThat(before.exitCode()).as(before.err()).isZero();
            assertThat(after.exitCode()).as(after.err()).isZero();
        }
    }

    @Test
    void anUnreachableGatewayIsExitCodeFiveInOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Result r = new Cli()
                .env("SLUICE_TOKEN", "t")
                .run("--gateway", "http://127.0.0.1:" + closedPort, "package", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(r.err())
                .isEqualTo("sluice: cannot reach the gateway at http://127.0.0.1:" + closedPort
                        + ": connection refused or host unknown\n");
    }

    @Test
    void aRefusedTokenIsNeverPrintedNotEvenWithVerbose() throws IOException {
        String token = FakeGateway.SUBMITTER + "x";
        try (FakeGateway gateway = new FakeGateway()) {
            Cli.Result r = new Cli().gateway(gateway, token).run("transfer", "status", "tr-1", "--verbose");

            assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(r.err())
                    .startsWith("sluice: Unauthorized (HTTP 401): no valid bearer token; pass a valid token with"
                            + " --token or SLUICE_TOKEN\n")
                    .contains("GatewayException") // the stack trace
                    .doesNotContain(token);
            assertThat(r.out()).doesNotContain(token);
        }
    }

    @Test
    void aTokenForAPlainHttpGatewayElsewhereIsWarnedAbout() {
        Cli.Result r = new Cli().env("SLUICE_TOKEN", "t").run("--gateway", "http://gateway.invalid", "package", "list");

        assertThat(r.err()).startsWith("sluice: warning: the token is sent to http://gateway.invalid without TLS");
    }

    @Test
    void aGatewayThatIsNotAnHttpUrlIsAUsageError() {
        Cli.Result r = new Cli().env("SLUICE_TOKEN", "t").run("--gateway", "ftp://x", "package", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("sluice: the gateway URL must be http(s)://host[:port], found 'ftp://x'\n");
    }
}
