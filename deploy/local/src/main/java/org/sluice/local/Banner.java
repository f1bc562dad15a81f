package org.sluice.local;

import java.nio.file.Path;
import java.util.Locale;
import org.sluice.embedded.Jdks;

/** What the local stack prints once it is up: where everything is, and a token per demo user. */
final class Banner {

    private Banner() {}

    static String render(LocalStack stack, Path tokensFile) {
        StringBuilder b = new StringBuilder();
        b.append("\nSluice is running. State and logs: ")
                .append(stack.stateDirectory())
                .append("\n\n");
        b.append(row("gateway", stack.uri(Service.GATEWAY) + "   submitters and partners; OpenAPI at /q/swagger-ui"));
        b.append(row("policy", stack.uri(Service.POLICY) + "   precheck, rules, reviews, admin"));
        b.append(row("audit-consumer", stack.uri(Service.AUDIT) + "   audit log, proofs, alerts, reports"));
        b.append(row(
                "public page", stack.uri(Service.AUDIT) + "/public/   transparency figures and criteria, no token"));
        b.append(row("Kafka", stack.kafkaBootstrapServers()));
        b.append(row("PostgreSQL", stack.jdbcUrl() + " (user postgres)"));
        Jdks.Jdk java = Jdks.forServices();
        b.append(row(
                "Java",
                java.version() + " at " + java.home() + " (the services' JDK; SLUICE_JAVA_HOME names another)"));
        b.append("\nDemo tokens (valid 12 hours; also exported by: source ")
                .append(tokensFile)
                .append(")\n\n");
        for (DemoUser user : DemoUser.ALL) {
            b.append(String.format(
                    Locale.ROOT, "  %-16s %s (%s)%n", user.variable(), user.principal(), user.description()));
            b.append("    ").append(stack.demoTokens().get(user.variable())).append("\n");
        }
        b.append("\nPress Ctrl-C to stop everything.\n");
        return b.toString();
    }

    private static String row(String name, String where) {
        return String.format(Locale.ROOT, "  %-16s %s%n", name, where);
    }
}
