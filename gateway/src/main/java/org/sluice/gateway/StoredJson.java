package org.sluice.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.sluice.events.json.Json;

/** Records stored as JSON columns, written and read with the contract's one Jackson configuration. */
public final class StoredJson {

    private StoredJson() {}

    /** The JSON text of a value. */
    public static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not serialisable: " + value.getClass().getSimpleName(), e);
        }
    }

    /** A stored value; a column that no longer reads is a defect, not bad input. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
