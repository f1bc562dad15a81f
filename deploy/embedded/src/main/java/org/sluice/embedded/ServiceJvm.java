package org.sluice.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) as a child JVM, its output appended to
 * a log file: the service exactly as it is deployed, observed from outside, on the JDK {@link Jdks#forServices}
 * picks (the newest present unless one is named). Used by the local stack, the
 * tests that crash or starve a service, and the benchmarks that measure one. It can be started again after
 * {@link #stop()} or {@link #kill()}.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path jar;
    private final Path logFile;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final URI baseUri;
    private Process process;

    /**
     * @param name what the service is called in messages
     * @param jar its runnable jar
     * @param logFile where its standard output and error go (appended)
     * @param environment environment variables it is given (its configuration, e.g. {@code QUARKUS_HTTP_PORT})
     * @param jvmOptions options before {@code -jar}: heap size, {@code -D} system properties
     * @param baseUri where it listens, to wait for {@code /q/health/ready}
     */
    public ServiceJvm(
            String name,
            Path jar,
            Path logFile,
            Map<String, String> environment,
            List<String> jvmOptions,
            URI baseUri) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.logFile = logFile;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.baseUri = baseUri;
    }

    /** {@code -Dkey=value} options for each entry, for services configured by system properties. */
    public static List<String> systemProperties(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
    }

    /** Starts the JVM and waits until the service reports ready; fails with the log's path if it does not. */
    public ServiceJvm start(Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    name + " is not built: " + jar + " is missing (run mvn -B install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Jdks.forServices().java().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        awaitReady(timeout);
        return this;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            // returns early if the process dies, so a crash is reported at once
            process.onExit()
                    .completeOnTimeout(process, 250, TimeUnit.MILLISECONDS)
                    .join();
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logFile);
    }

    /** Stops the service gracefully (SIGTERM), forcibly after a grace period. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the service abruptly (SIGKILL), as a crash would. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Resident set size of the running JVM now ({@code VmRSS} of /proc), in bytes. */
    public long rssBytes() throws IOException {
        return procStatus("VmRSS:");
    }

    /** Peak resident set size of the running JVM so far ({@code VmHWM} of /proc), in bytes. */
    public long peakRssBytes() throws IOException {
        return procStatus("VmHWM:");
    }

    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no " + field + " for process " + process.pid());
    }

    public URI uri(String path) {
        return baseUri.resolve(path);
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        stop();
    }
}
