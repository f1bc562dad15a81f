package org.sluice.platform.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds the path or query parameter whose text does not convert to its declared type. JAX-RS answers
 * such a request 404 without naming it; Sluice answers 400 naming the parameter.
 */
final class ParameterTypes {

    private ParameterTypes() {}

    /** The first parameter of the matched method whose value does not convert, with what it expects. */
    static Optional<org.sluice.events.schema.Violation> unconvertible(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            String name;
            List<String> values;
            if (parameter.getAnnotation(QueryParam.class) != null) {
                name = parameter.getAnnotation(QueryParam.class).value();
                values = uri.getQueryParameters(true).getOrDefault(name, List.of());
            } else if (parameter.getAnnotation(PathParam.class) != null) {
                name = parameter.getAnnotation(PathParam.class).value();
                values = uri.getPathParameters(true).getOrDefault(name, List.of());
            } else {
                continue;
            }
            Class<?> type = parameter.getType();
            for (String value : values) {
                Optional<String> expected = expectation(type, value);
                if (expected.isPresent()) {
                    return Optional.of(
                            new org.sluice.events.schema.Violation(name, "type", expected.get() + " is expected"));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> expectation(Class<?> type, String value) {
        try {
            if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
                long parsed = Long.parseLong(value.strip());
                if ((type == Integer.class || type == int.class) && (int) parsed != parsed) {
                    return Optional.of("an integer of at most " + Integer.MAX_VALUE);
                }
            } else if (type == Boolean.class || type == boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return Optional.of("true or false");
                }
            } else if (type == Double.class || type == double.class) {
                Double.parseDouble(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type.isEnum()) {
                boolean known = false;
                for (Object constant : type.getEnumConstants()) {
                    known |= ((Enum<?>) constant).name().equals(value);
                }
                if (!known) {
                    return Optional.of("one of " + java.util.Arrays.toString(type.getEnumConstants()));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
                return Optional.of("an integer");
            }
            return Optional.of(
                    type == Instant.class ? "a timestamp (ISO 8601)" : type == LocalDate.class ? "a date" : "a number");
        }
    }
}
