package org.sluice.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar deploy/local/target/sluice-local.jar [--gateway-port N] [--policy-port N]
 * [--audit-port N] [--state DIR] [--fresh] [--no-demo]}: starts Sluice locally (keeping its state from
 * the last run unless {@code --fresh}), prints the URLs and demo tokens, and stops everything cleanly on
 * Ctrl-C.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        StackOptions options = parse(args, StackOptions.defaults(projectRoot()));
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        LocalStack stack = LocalStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("\nstopping Sluice ...");
                            stack.close();
                            out.println("stopped.");
                            stopped.countDown();
                        },
                        "sluice-local-shutdown"));
        Path env = writeTokensFile(stack);
        out.print(Banner.render(stack, env));
        stopped.await();
    }

    private static Path writeTokensFile(LocalStack stack) {
        StringBuilder text = new StringBuilder("# Sluice local stack: source this file in a shell\n");
        for (Service s : Service.values()) {
            text.append("export ")
                    .append(s.name())
                    .append('=')
                    .append(stack.uri(s))
                    .append('\n');
        }
        stack.demoTokens()
                .forEach((name, token) -> text.append("export ")
                        .append(name)
                        .append('=')
                        .append(token)
                        .append('\n'));
        Path file = stack.stateDirectory().resolve("tokens.env");
        PrivateFiles.write(file, text.toString());
        return file;
    }

    private static Path projectRoot() {
        String configured = System.getProperty("sluice.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("fixtures"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run this from inside the Sluice checkout (or pass -Dsluice.root=<dir>)");
    }

    static StackOptions parse(String[] args, StackOptions defaults) {
        Map<Service, Integer> ports = new EnumMap<>(defaults.ports());
        StackOptions options = defaults;
        boolean demo = defaults.seedDemoData();
        boolean fresh = defaults.fresh();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway-port" -> ports.put(Service.GATEWAY, Integer.parseInt(value(args, ++i)));
                case "--policy-port" -> ports.put(Service.POLICY, Integer.parseInt(value(args, ++i)));
                case "--audit-port" -> ports.put(Service.AUDIT, Integer.parseInt(value(args, ++i)));
                case "--state" ->
                    options =
                            options.withStateDirectory(Path.of(value(args, ++i)).toAbsolutePath());
                case "--no-demo" -> demo = false;
                case "--fresh" -> fresh = true;
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i]
                                    + "; options: --gateway-port N --policy-port N --audit-port N --state DIR --fresh --no-demo");
            }
        }
        return new StackOptions(
                options.projectRoot(), options.stateDirectory(), fresh, ports, demo, options.environment());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
