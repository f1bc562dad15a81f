package org.sluice.local;

import java.nio.file.Path;

/** The three services of Sluice, as the local stack runs them. */
public enum Service {
    GATEWAY("gateway", "gateway", 8080),
    POLICY("policy", "policy", 8081),
    AUDIT("audit-consumer", "audit", 8082);

    private final String module;
    private final String schema;
    private final int defaultPort;

    Service(String module, String schema, int defaultPort) {
        this.module = module;
        this.schema = schema;
        this.defaultPort = defaultPort;
    }

    /** The Maven module folder. */
    public String module() {
        return module;
    }

    /** The database schema the service owns. */
    public String schema() {
        return schema;
    }

    /** The port the local stack gives it unless told otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The runnable jar Quarkus builds for it. */
    public Path runnableJar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
