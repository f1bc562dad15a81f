package org.sluice.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 JSON Canonicalization Scheme for the JSON Sluice writes: object members sorted by UTF-16
 * code units, no insignificant white space, strings escaped as ECMAScript does. Sluice's documents
 * carry no floating-point numbers, so only integers within the IEEE-754 safe range are accepted; any
 * other number is refused rather than canonicalised approximately.
 */
public final class CanonicalJson {

    /** Largest integer an IEEE-754 double represents exactly (RFC 8785 / I-JSON interoperability). */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of a JSON tree. */
    public static byte[] toBytes(JsonNode node) {
        return toString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of a JSON tree. */
    public static String toString(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** The canonical bytes of any value Jackson can map (records, maps, lists). */
    public static byte[] toBytes(Object value) {
        return toBytes(Json.mapper().valueToTree(value));
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL, MISSING -> out.append("null");
            default -> throw new IllegalArgumentException("not representable in JSON: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 prescribes
        names.sort(String::compareTo);
        out.append('{');
        boolean first = true;
        for (String name : names) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(name, out);
            out.append(':');
            write(node.get(name), out);
        }
        out.append('}');
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException("canonical JSON of Sluice carries integers only, found " + node);
        }
        if (!node.canConvertToLong() || Math.abs(node.longValue()) > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer outside the interoperable range +-(2^53-1): " + node);
        }
        out.append(node.longValue());
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00");
                        out.append(Character.forDigit(c >> 4, 16));
                        out.append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
