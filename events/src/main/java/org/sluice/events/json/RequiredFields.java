package org.sluice.events.json;

import jakarta.annotation.Nullable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that every record component not marked {@link Nullable} has a value, recursively through nested
 * records and lists: a decoded event with a missing required field is poison, found at the edge rather
 * than as a NullPointerException deep in a consumer.
 */
final class RequiredFields {

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private RequiredFields() {}

    /** The path of the first missing required field, or null when none is missing. */
    static String firstMissing(Object value, String path) {
        if (value == null || !value.getClass().isRecord()) {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    String missing = firstMissing(list.get(i), path + "[" + i + "]");
                    if (missing != null) {
                        return missing;
                    }
                }
            }
            return null;
        }
        for (RecordComponent component : COMPONENTS.computeIfAbsent(value.getClass(), Class::getRecordComponents)) {
            Object componentValue = read(component, value);
            String componentPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
            if (componentValue == null) {
                if (!component.isAnnotationPresent(Nullable.class)) {
                    return componentPath;
                }
                continue;
            }
            String missing = firstMissing(componentValue, componentPath);
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
