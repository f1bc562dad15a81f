package org.sluice.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sluice.embedded.FreePorts;

/**
 * Starts one local stack (the same one the README's first command starts, on free ports, without the
 * demo data's side effects on other suites) for all end-to-end tests of this module, and stops it when
 * they are done. Tests receive it as a parameter.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return stack(extension);
    }

    private static LocalStack stack(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> new Running(start()), Running.class)
                .stack();
    }

    private static LocalStack start() {
        Path root = Path.of(System.getProperty("sluice.root", "../.."))
                .toAbsolutePath()
                .normalize();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, FreePorts.pick());
        }
        StackOptions options = StackOptions.defaults(root)
                .withPorts(ports)
                .withStateDirectory(Path.of("target", "stack").toAbsolutePath())
                .withFresh(true);
        return LocalStack.start(options);
    }

    /** Closes the stack when the test run ends. */
    private record Running(LocalStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
