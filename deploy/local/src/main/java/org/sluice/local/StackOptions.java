package org.sluice.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * How to run the local stack.
 *
 * @param projectRoot the project checkout (services' jars and demo data are found under it)
 * @param stateDirectory where broker, database, payloads, keys and logs live; kept across restarts
 * @param fresh whether to wipe the state directory before starting (a new, empty stack)
 * @param ports the HTTP port of each service
 * @param seedDemoData whether to load the demo world
 * @param environment configuration given to every service on top of the stack's own (e.g. for a benchmark)
 */
public record StackOptions(
        Path projectRoot,
        Path stateDirectory,
        boolean fresh,
        Map<Service, Integer> ports,
        boolean seedDemoData,
        Map<String, String> environment) {

    public StackOptions {
        ports = Map.copyOf(ports);
        environment = Map.copyOf(environment);
    }

    /** The defaults: ports 8080-8082, state kept under {@code .sluice/local}, demo data loaded. */
    public static StackOptions defaults(Path projectRoot) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort());
        }
        return new StackOptions(projectRoot, projectRoot.resolve(".sluice/local"), false, ports, true, Map.of());
    }

    /** The same options with other ports. */
    public StackOptions withPorts(Map<Service, Integer> newPorts) {
        return new StackOptions(projectRoot, stateDirectory, fresh, newPorts, seedDemoData, environment);
    }

    /** The same options with another state directory. */
    public StackOptions withStateDirectory(Path directory) {
        return new StackOptions(projectRoot, directory, fresh, ports, seedDemoData, environment);
    }

    /** The same options, wiping the state directory first when {@code wipe} is true. */
    public StackOptions withFresh(boolean wipe) {
        return new StackOptions(projectRoot, stateDirectory, wipe, ports, seedDemoData, environment);
    }

    /** The same options with this configuration (environment variables) added for every service. */
    public StackOptions withEnvironment(Map<String, String> added) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.putAll(added);
        return new StackOptions(projectRoot, stateDirectory, fresh, ports, seedDemoData, all);
    }

    /** The demo data folder. */
    public Path demoDirectory() {
        return projectRoot.resolve("fixtures");
    }
}
