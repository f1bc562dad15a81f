package org.sluice.policy.world;

import static org.sluice.policy.yaml.YamlNodes.date;
import static org.sluice.policy.yaml.YamlNodes.line;
import static org.sluice.policy.yaml.YamlNodes.longValue;
import static org.sluice.policy.yaml.YamlNodes.mapping;
import static org.sluice.policy.yaml.YamlNodes.optionalBoolean;
import static org.sluice.policy.yaml.YamlNodes.optionalLong;
import static org.sluice.policy.yaml.YamlNodes.optionalText;
import static org.sluice.policy.yaml.YamlNodes.sequence;
import static org.sluice.policy.yaml.YamlNodes.text;
import static org.sluice.policy.yaml.YamlNodes.texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sluice.events.transfer.Category;
import org.sluice.policy.yaml.YamlException;
import org.sluice.policy.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads reference data in the YAML shape of the world files ({@code licences.yaml}, {@code dsas.yaml},
 * {@code emergencies.yaml}, {@code institutions.yaml}): for the admin import and for bundle test cases.
 * Every error names its line.
 */
public final class WorldYaml {

    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Set<String> LICENCE_TYPES = Set.of(Licence.INDIVIDUAL, Licence.GENERAL, Licence.PROVISIONAL);
    private static final Set<String> LICENCE_STATUSES = Set.of(Licence.ACTIVE, Licence.REVOKED);
    private static final Set<String> DSA_STATUSES = Set.of("ACTIVE", "TERMINATED");

    private WorldYaml() {}

    /** The entries under {@code key} of a world document, each read by {@code reader}. */
    public static <T> List<T> entries(String document, String key, Function<Node, T> reader) {
        Node root = YamlNodes.parse(document);
        Node list = mapping(root, "the document").get(key);
        if (list == null) {
            throw new YamlException(line(root), "the document has no '" + key + "' list");
        }
        List<T> out = new ArrayList<>();
        for (Node item : sequence(list, "'" + key + "'")) {
            out.add(reader.apply(item));
        }
        return out;
    }

    public static Licence licence(Node node) {
        Map<String, Node> m = mapping(node, "a licence");
        String type = oneOf(m, "type", LICENCE_TYPES, node);
        Map<String, Node> quota = optionalMapping(m, "quota");
        Map<String, Node> used = optionalMapping(m, "used");
        List<String> destinations = countries(m, "destinations");
        String group = optionalText(m, "destinationGroup").orElse(null);
        if (type.equals(Licence.GENERAL) ? group == null : destinations.isEmpty()) {
            throw new YamlException(
                    line(node),
                    type.equals(Licence.GENERAL)
                            ? "a GENERAL licence needs a 'destinationGroup'"
                            : "a " + type + " licence needs 'destinations'");
        }
        return new Licence(
                text(m, "id", node),
                type,
                oneOf(m, "status", LICENCE_STATUSES, node),
                text(m, "holder", node),
                categories(m, node),
                destinations,
                group,
                date(m, "validFrom", node),
                date(m, "validUntil", node),
                quota == null ? null : optionalLong(quota, "bytes").orElse(null),
                quota == null ? null : optionalLong(quota, "transfers").orElse(null),
                used == null ? 0 : optionalLong(used, "bytes").orElse(0L),
                used == null ? 0 : optionalLong(used, "transfers").orElse(0L),
                optionalBoolean(m, "postShipmentVerification").orElse(false),
                optionalLong(m, "verificationDays").map(Long::intValue).orElse(null),
                optionalText(m, "endUse").orElse(null));
    }

    public static Dsa dsa(Node node) {
        Map<String, Node> m = mapping(node, "a data-sharing agreement");
        return new Dsa(
                text(m, "id", node),
                text(m, "partner", node),
                text(m, "institution", node),
                oneOf(m, "status", DSA_STATUSES, node),
                categories(m, node),
                date(m, "validFrom", node),
                date(m, "validUntil", node),
                optionalText(m, "title").orElse(""));
    }

    public static Emergency emergency(Node node) {
        Map<String, Node> m = mapping(node, "an emergency");
        Map<String, Node> conditions = optionalMapping(m, "conditions");
        return new Emergency(
                text(m, "id", node),
                optionalText(m, "title").orElse(""),
                date(m, "validFrom", node),
                date(m, "sunset", node),
                categories(m, node),
                texts(m, "diseases"),
                texts(m, "partners"),
                conditions != null
                        && optionalBoolean(conditions, "postShipmentVerification")
                                .orElse(false),
                conditions == null
                        ? null
                        : optionalLong(conditions, "verificationDays")
                                .map(Long::intValue)
                                .orElse(null),
                conditions == null ? null : optionalText(conditions, "note").orElse(null));
    }

    public static Institution institution(Node node) {
        Map<String, Node> m = mapping(node, "an institution");
        Map<String, Long> completed = new LinkedHashMap<>();
        Map<String, Node> history = optionalMapping(m, "completedTransfers");
        if (history != null) {
            for (String partner : history.keySet()) {
                completed.put(partner, longValue(history, partner, node));
            }
        }
        String country = text(m, "country", node);
        requireCountry(country, m.get("country"));
        return new Institution(
                text(m, "id", node),
                optionalText(m, "name").orElse(""),
                optionalText(m, "legalName").orElse(""),
                country,
                longValue(m, "typicalTransferBytes", node),
                completed);
    }

    private static Map<String, Node> optionalMapping(Map<String, Node> m, String key) {
        Node n = m.get(key);
        return n == null || YamlNodes.isNull(n) ? null : mapping(n, "'" + key + "'");
    }

    private static String oneOf(Map<String, Node> m, String key, Set<String> allowed, Node parent) {
        String value = text(m, key, parent);
        if (!allowed.contains(value)) {
            throw new YamlException(
                    line(m.get(key)), "'" + key + "' must be one of " + allowed + ", found '" + value + "'");
        }
        return value;
    }

    private static List<String> categories(Map<String, Node> m, Node parent) {
        List<String> categories = texts(m, "categories");
        for (String c : categories) {
            try {
                Category.valueOf(c);
            } catch (IllegalArgumentException e) {
                throw new YamlException(line(m.get("categories")), "unknown category '" + c + "'");
            }
        }
        if (categories.isEmpty()) {
            throw new YamlException(line(parent), "'categories' must name at least one category");
        }
        return categories;
    }

    private static List<String> countries(Map<String, Node> m, String key) {
        List<String> countries = texts(m, key);
        countries.forEach(c -> requireCountry(c, m.get(key)));
        return countries;
    }

    private static void requireCountry(String value, Node at) {
        if (!COUNTRY.matcher(value).matches()) {
            throw new YamlException(
                    line(at), "'" + value + "' is not an ISO 3166-1 alpha-2 country code (quote NO for Norway)");
        }
    }
}
