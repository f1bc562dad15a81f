package org.sluice.policy.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML as a tree of nodes that keep their line numbers, so every error names its line. Scalars are
 * read as the text written: an unquoted {@code NO} stays the country Norway (a YAML 1.1 parser would
 * make it {@code false}); only {@code true} and {@code false} are booleans.
 */
public final class YamlNodes {

    private YamlNodes() {}

    /** Parses one document; empty text gives an empty mapping. */
    public static Node parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(8 * 1024 * 1024);
        try {
            Node node = new Yaml(options).compose(new StringReader(text));
            return node == null ? new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK) : node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new YamlException(line, "YAML syntax error: " + e.getProblem());
        } catch (YAMLException e) {
            throw new YamlException(0, "YAML error: " + e.getMessage());
        }
    }

    /** The 1-based line a node starts on. */
    public static int line(Node node) {
        return node == null || node.getStartMark() == null
                ? 0
                : node.getStartMark().getLine() + 1;
    }

    /** A mapping's entries by key, in order. */
    public static Map<String, Node> mapping(Node node, String what) {
        if (!(node instanceof MappingNode m)) {
            throw new YamlException(line(node), what + " must be a mapping");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlException(line(t.getKeyNode()), what + " has a key that is not text");
            }
            out.put(key.getValue(), t.getValueNode());
        }
        return out;
    }

    /** A sequence's items. */
    public static List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s)) {
            throw new YamlException(line(node), what + " must be a list");
        }
        return s.getValue();
    }

    /** A required text field of a mapping. */
    public static String text(Map<String, Node> m, String key, Node parent) {
        Node n = m.get(key);
        if (n == null || isNull(n)) {
            throw new YamlException(line(parent), "'" + key + "' is required");
        }
        return scalar(n, key);
    }

    /** An optional text field. */
    public static Optional<String> optionalText(Map<String, Node> m, String key) {
        Node n = m.get(key);
        return n == null || isNull(n) ? Optional.empty() : Optional.of(scalar(n, key));
    }

    /** An optional whole number. */
    public static Optional<Long> optionalLong(Map<String, Node> m, String key) {
        return optionalText(m, key).map(t -> {
            try {
                return Long.parseLong(t.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new YamlException(line(m.get(key)), "'" + key + "' must be a whole number, found '" + t + "'");
            }
        });
    }

    /** A required whole number. */
    public static long longValue(Map<String, Node> m, String key, Node parent) {
        return optionalLong(m, key).orElseThrow(() -> new YamlException(line(parent), "'" + key + "' is required"));
    }

    /** An optional boolean ({@code true} or {@code false}). */
    public static Optional<Boolean> optionalBoolean(Map<String, Node> m, String key) {
        return optionalText(m, key).map(t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new YamlException(line(m.get(key)), "'" + key + "' must be true or false, found '" + t + "'");
        });
    }

    /** An optional ISO date ({@code 2026-11-23}). */
    public static Optional<LocalDate> optionalDate(Map<String, Node> m, String key) {
        return optionalText(m, key).map(t -> {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw new YamlException(
                        line(m.get(key)), "'" + key + "' must be a date like 2026-11-23, found '" + t + "'");
            }
        });
    }

    /** A required ISO date. */
    public static LocalDate date(Map<String, Node> m, String key, Node parent) {
        return optionalDate(m, key).orElseThrow(() -> new YamlException(line(parent), "'" + key + "' is required"));
    }

    /** An optional list of texts (absent or null: empty). */
    public static List<String> texts(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null || isNull(n)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : sequence(n, "'" + key + "'")) {
            out.add(scalar(item, key));
        }
        return out;
    }

    /** The text of a scalar node. */
    public static String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw new YamlException(line(n), "'" + what + "' must be a single value");
        }
        return s.getValue();
    }

    /** Whether the node is an explicit null ({@code ~}, {@code null} or empty). */
    public static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /**
     * The node as JSON, for binding to records: integers and decimals as numbers, {@code true}/{@code false}
     * as booleans, nulls as null, everything else (including {@code NO}, {@code yes}, {@code off}) as text.
     */
    public static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode) {
            ObjectNode o = f.objectNode();
            mapping(node, "value").forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            s.getValue().forEach(v -> a.add(toJson(v)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        String text = s.getValue();
        if (s.getTag().equals(Tag.NULL)) {
            return f.nullNode();
        }
        if (s.getTag().equals(Tag.INT)) {
            try {
                return f.numberNode(Long.parseLong(text.replace("_", "")));
            } catch (NumberFormatException e) {
                return f.textNode(text);
            }
        }
        if (s.getTag().equals(Tag.FLOAT)) {
            try {
                return f.numberNode(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return f.textNode(text);
            }
        }
        if (s.getTag().equals(Tag.BOOL) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return f.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
        }
        return f.textNode(text);
    }
}
