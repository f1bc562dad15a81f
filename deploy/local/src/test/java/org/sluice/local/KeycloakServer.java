package org.sluice.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.sluice.embedded.FreePorts;
import org.sluice.embedded.Jdks;
import org.sluice.events.json.Json;

/**
 * A real Keycloak ({@code bin/kc.sh start-dev} of the distribution Maven unpacked into {@code target/keycloak}) on
 * free ports, with the realm {@code sluice} imported from {@code src/test/resources/keycloak/sluice-realm.json} into
 * a new H2 dev database, and the two token flows Sluice's callers use: client credentials (partners' machines,
 * Sluice's own service accounts) and the resource owner's password (people, through the public client). The
 * submitter portal's client ({@link #PORTAL_CLIENT}) is registered for the gateway origin given at start, which the
 * realm file reads from {@code SLUICE_PORTAL_ORIGIN}.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "sluice";
    static final String PEOPLE_CLIENT = "sluice-people";
    /** The submitter portal's public client: authorization code with PKCE, in the browser. */
    static final String PORTAL_CLIENT = "sluice-portal";
    /** Keycloak 26 runs on Java 21 or later. */
    private static final int MINIMUM_JAVA = 21;

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final Path logFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** The distribution's folder, as the build unpacked it (failsafe passes {@code sluice.keycloak.home}). */
    static Path home() {
        String configured = System.getProperty("sluice.keycloak.home");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property sluice.keycloak.home is not set (run through Maven)");
        }
        Path home = Path.of(configured).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + " (maven-dependency-plugin unpacks it in pre-integration-test)");
        }
        return home;
    }

    /** A JDK of Java 21 or later for Keycloak ({@link Jdks#newest}); empty when there is none. */
    static Optional<Path> java21OrLater() {
        return Jdks.newest(MINIMUM_JAVA).map(Jdks.Jdk::home);
    }

    /**
     * Starts Keycloak with a new dev database and the realm imported, and waits until the realm answers.
     *
     * @param javaHome a JDK of Java 21 or later
     * @param workDirectory where the log goes
     * @param portalOrigin the gateway's origin ({@code http://localhost:<port>}): the portal client's redirect URI is
     *     its {@code /portal/}, and its token endpoint answers that origin's page (CORS)
     */
    static KeycloakServer start(Path javaHome, Path workDirectory, URI portalOrigin) {
        Path home = home();
        try {
            Files.createDirectories(workDirectory);
            // a new dev database each run, so the realm file is what the server has
            deleteTree(home.resolve("data/h2"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/sluice-realm.json")) {
                if (realm == null) {
                    throw new IllegalStateException("keycloak/sluice-realm.json is not on the test class path");
                }
                Files.copy(realm, imports.resolve("sluice-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = FreePorts.pick();
        int managementPort = FreePorts.pick();
        Path log = workDirectory.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-port=" + port,
                        "--http-management-port=" + managementPort,
                        "--import-realm")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().remove("JAVA_OPTS");
        // the realm file's placeholder ${SLUICE_PORTAL_ORIGIN:...}, resolved by Keycloak at import
        builder.environment().put("SLUICE_PORTAL_ORIGIN", portalOrigin.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
        KeycloakServer server = new KeycloakServer(process, port, log);
        try {
            server.awaitRealm();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitRealm() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            Awaitility.await("Keycloak's realm " + REALM)
                    .atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "Keycloak exited with " + process.exitValue() + ":\n" + logTail());
                        }
                        try {
                            return http.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notListeningYet) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "Keycloak's realm did not answer within " + READY_TIMEOUT + ":\n" + logTail(), e);
        }
    }

    /** The realm's issuer, exactly as its tokens name it ({@code iss}). */
    URI issuer() {
        return URI.create("http://localhost:" + port + "/realms/" + REALM);
    }

    /** Where a browser is sent to sign in (authorization code flow). */
    URI authorizationEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/auth");
    }

    /** Where codes, client credentials and passwords are exchanged for tokens. */
    URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    /** The realm's public keys (JWKS), where the services read them. */
    URI jwks() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    /** An access token for a confidential client's service account (client credentials grant). */
    String clientCredentials(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** An access token for a person through the public client (resource owner password grant). */
    String password(String username, String password) {
        return token(Map.of(
                "grant_type",
                "password",
                "client_id",
                PEOPLE_CLIENT,
                "username",
                username,
                "password",
                password,
                "scope",
                "openid"));
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request for " + form.get("client_id") + " failed: "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode json = Json.mapper().readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a token request", e);
        }
    }

    /** The claims of a token, decoded (not verified): for messages. */
    static JsonNode claims(String token) {
        try {
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    /** Stops Keycloak (the script and the JVM it started), and waits for it. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
