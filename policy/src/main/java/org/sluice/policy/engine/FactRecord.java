package org.sluice.policy.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record of the facts as the compiled path reads it: a read-only map whose keys are fixed by its {@link
 * Shape} and whose values sit in one array, so building one costs an array instead of a hash table.
 * Equal to the {@code HashMap} {@link Facts} builds for the interpreter with the same entries.
 */
final class FactRecord extends AbstractMap<String, Object> {

    /** The keys of one kind of record, shared by every record of that kind. */
    static final class Shape {
        private final String[] keys;
        private final Map<String, Integer> index = new HashMap<>();

        Shape(String... keys) {
            this.keys = keys.clone();
            for (int i = 0; i < keys.length; i++) {
                index.put(keys[i], i);
            }
        }

        /** A record of this shape; the values in key order. */
        FactRecord of(Object... values) {
            if (values.length != keys.length) {
                throw new IllegalArgumentException(keys.length + " values expected, found " + values.length);
            }
            return new FactRecord(this, values);
        }
    }

    /**
     * Reads one field name at one place of an expression: remembers where the last record's shape keeps it,
     * so records of one shape pay a reference comparison instead of a hash lookup. Thread-safe: the
     * remembered pair is immutable and replaced whole.
     */
    static final class FieldSite {
        private record Slot(Shape shape, int index) {}

        private final String field;
        private Slot last;

        FieldSite(String field) {
            this.field = field;
        }

        /** The field of a record, or null when it has none. */
        Object read(FactRecord r) {
            Slot slot = last;
            if (slot == null || slot.shape != r.shape) {
                Integer i = r.shape.index.get(field);
                if (i == null) {
                    return null;
                }
                slot = new Slot(r.shape, i);
                last = slot;
            }
            return r.values[slot.index];
        }
    }

    private final Shape shape;
    private final Object[] values;

    private FactRecord(Shape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        Integer i = shape.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(shape.keys[i], values[i]);
                    }
                };
            }
        };
    }
}
