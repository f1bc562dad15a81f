package org.sluice.policy.bundle;

import static org.sluice.policy.yaml.YamlNodes.line;
import static org.sluice.policy.yaml.YamlNodes.mapping;
import static org.sluice.policy.yaml.YamlNodes.optionalBoolean;
import static org.sluice.policy.yaml.YamlNodes.optionalDate;
import static org.sluice.policy.yaml.YamlNodes.optionalLong;
import static org.sluice.policy.yaml.YamlNodes.optionalText;
import static org.sluice.policy.yaml.YamlNodes.sequence;
import static org.sluice.policy.yaml.YamlNodes.text;
import static org.sluice.policy.yaml.YamlNodes.texts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.json.Json;
import org.sluice.events.schema.SchemaValidator;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.engine.CompiledBundle;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.partner.PartnerSnapshot;
import org.sluice.policy.screening.ScreeningHit;
import org.sluice.policy.world.Dsa;
import org.sluice.policy.world.Licence;
import org.sluice.policy.world.WorldYaml;
import org.sluice.policy.yaml.YamlException;
import org.sluice.policy.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a bundle folder into a {@link Bundle}, collecting every problem with its file and line rather
 * than stopping at the first. Layout: {@code bundle.yaml} (identity, definitions, quota charges),
 * {@code tables/*.yaml} (lists and thresholds), {@code rules/*.yaml}, {@code tests/*.yaml}.
 */
public final class BundleLoader {

    /** The file naming the bundle. */
    public static final String MANIFEST = "bundle.yaml";

    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final Pattern RULE_ID = Pattern.compile("^[a-z0-9][a-z0-9.-]{0,63}$");
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final SchemaValidator REQUEST_SCHEMA = SchemaValidator.forSchema("TransferRequest.schema.json");

    private final String home;
    private final List<BundleProblem> problems = new ArrayList<>();

    private BundleLoader(String home) {
        this.home = home;
    }

    /**
     * Parses a bundle.
     *
     * @param home the home jurisdiction its test cases run with
     * @throws BundleRejectedException with every problem found
     */
    public static Bundle load(BundleSource source, String home) {
        return new BundleLoader(home).read(source);
    }

    private Bundle read(BundleSource source) {
        Map<String, String> files = source.files();
        String manifestText = files.get(MANIFEST);
        if (manifestText == null) {
            throw new BundleRejectedException(List.of(new BundleProblem(MANIFEST, 0, "the bundle has no " + MANIFEST)));
        }
        String id = "";
        String version = "";
        String title = "";
        String quotaCharges = "[]";
        List<Definition> definitions = new ArrayList<>();
        try {
            Node root = YamlNodes.parse(manifestText);
            Map<String, Node> m = mapping(root, MANIFEST);
            id = text(m, "id", root);
            version = text(m, "version", root);
            title = optionalText(m, "title").orElse(id);
            quotaCharges = optionalText(m, "quotaCharges").orElse("[]");
            Node defs = m.get("definitions");
            if (defs != null) {
                Set<String> names = new HashSet<>();
                for (Node d : sequence(defs, "'definitions'")) {
                    Map<String, Node> dm = mapping(d, "a definition");
                    String name = text(dm, "name", d);
                    if (!NAME.matcher(name).matches()) {
                        throw new YamlException(line(d), "definition name '" + name + "' is not an identifier");
                    }
                    if (!names.add(name)) {
                        throw new YamlException(line(d), "definition '" + name + "' is defined twice");
                    }
                    definitions.add(new Definition(name, text(dm, "expr", d), MANIFEST, line(dm.get("expr"))));
                }
            }
        } catch (YamlException e) {
            problems.add(new BundleProblem(MANIFEST, e.line(), e.getMessage()));
        }

        Map<String, List<String>> tables = new LinkedHashMap<>();
        Map<String, Long> thresholds = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        List<BundleTestCase> tests = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            try {
                if (path.startsWith("tables/")) {
                    readTables(path, YamlNodes.parse(f.getValue()), tables, thresholds);
                } else if (path.startsWith("rules/")) {
                    readRules(path, YamlNodes.parse(f.getValue()), rules);
                } else if (path.startsWith("tests/")) {
                    readTests(path, YamlNodes.parse(f.getValue()), tests);
                } else if (!path.equals(MANIFEST)) {
                    problems.add(new BundleProblem(path, 0, "not part of a bundle: use tables/, rules/ or tests/"));
                }
            } catch (YamlException e) {
                problems.add(new BundleProblem(path, e.line(), e.getMessage()));
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (Rule r : rules) {
            if (!ruleIds.add(r.id())) {
                problems.add(new BundleProblem(r.file(), r.line(), "rule id '" + r.id() + "' is used twice"));
            }
        }
        problems.addAll(overrideConflicts(rules));
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new BundleProblem("rules/", 0, "the bundle has no rule"));
        }
        if (!problems.isEmpty()) {
            throw new BundleRejectedException(problems);
        }
        return new Bundle(
                id,
                version,
                title,
                source.digest(),
                tables,
                thresholds,
                definitions,
                quotaCharges,
                rules,
                tests,
                source);
    }

    /**
     * One problem for every rule whose code another rule (or the engine, for its own failure reason)
     * gives a different override class: who may lift a reason must not depend on which rule raised it.
     */
    static List<BundleProblem> overrideConflicts(List<Rule> rules) {
        Map<String, Rule> first = new LinkedHashMap<>();
        List<BundleProblem> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.code().equals(CompiledBundle.RULE_FAILED) && r.override() != CompiledBundle.RULE_FAILED_OVERRIDE) {
                out.add(new BundleProblem(
                        r.file(),
                        r.line(),
                        "rule '" + r.id() + "' gives code " + r.code() + " override " + r.override()
                                + ", but the engine gives it " + CompiledBundle.RULE_FAILED_OVERRIDE));
                continue;
            }
            Rule earlier = first.putIfAbsent(r.code(), r);
            if (earlier != null && earlier.override() != r.override()) {
                out.add(new BundleProblem(
                        r.file(),
                        r.line(),
                        "rule '" + r.id() + "' gives code " + r.code() + " override " + r.override() + ", but rule '"
                                + earlier.id() + "' (" + earlier.file() + ":" + earlier.line() + ") gives it "
                                + earlier.override() + "; one code has one override class"));
            }
        }
        return out;
    }

    private void readTables(String file, Node root, Map<String, List<String>> tables, Map<String, Long> thresholds) {
        Map<String, Node> m = mapping(root, "a table file");
        Node lists = m.get("lists");
        if (lists != null) {
            for (Map.Entry<String, Node> e : mapping(lists, "'lists'").entrySet()) {
                String name = e.getKey();
                if (!NAME.matcher(name).matches() || tables.containsKey(name)) {
                    problems.add(new BundleProblem(
                            file, line(e.getValue()), "table '" + name + "' is not an identifier or is defined twice"));
                    continue;
                }
                // a mapping table (country -> note) contributes its keys
                List<String> values = e.getValue() instanceof org.yaml.snakeyaml.nodes.MappingNode
                        ? List.copyOf(mapping(e.getValue(), name).keySet())
                        : texts(Map.of(name, e.getValue()), name);
                tables.put(name, values);
            }
        }
        Node numbers = m.get("thresholds");
        if (numbers != null) {
            Map<String, Node> tm = mapping(numbers, "'thresholds'");
            for (String name : tm.keySet()) {
                thresholds.put(
                        name,
                        optionalLong(tm, name)
                                .orElseThrow(() -> new YamlException(
                                        line(tm.get(name)), "threshold '" + name + "' has no value")));
            }
        }
    }

    private void readRules(String file, Node root, List<Rule> rules) {
        Map<String, Node> m = mapping(root, "a rule file");
        Node list = m.get("rules");
        if (list == null) {
            throw new YamlException(line(root), "a rule file needs a 'rules' list");
        }
        for (Node n : sequence(list, "'rules'")) {
            try {
                rules.add(rule(file, n));
            } catch (YamlException e) {
                problems.add(new BundleProblem(file, e.line(), e.getMessage()));
            }
        }
    }

    private static Rule rule(String file, Node n) {
        Map<String, Node> m = mapping(n, "a rule");
        String id = text(m, "id", n);
        if (!RULE_ID.matcher(id).matches()) {
            throw new YamlException(line(n), "rule id '" + id + "' must be lower-case letters, digits, '.' or '-'");
        }
        String code = text(m, "code", n);
        if (!CODE.matcher(code).matches()) {
            throw new YamlException(line(m.get("code")), "code '" + code + "' must be UPPER_SNAKE_CASE");
        }
        Outcome effect;
        String effectText = text(m, "effect", n);
        try {
            effect = Outcome.valueOf(effectText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new YamlException(
                    line(m.get("effect")),
                    "effect '" + effectText + "' must be APPROVE, APPROVE_WITH_CONDITIONS, REVIEW or DENY");
        }
        OverrideClass override;
        Node overrideNode = m.get("override");
        if (optionalText(m, "override").isEmpty()) {
            throw new YamlException(
                    line(n),
                    "rule '" + id + "' has no 'override': say who may approve against " + code
                            + " (NONE, FOUR_EYES or ONE_REVIEWER)");
        }
        String overrideText = text(m, "override", n);
        try {
            override = OverrideClass.valueOf(overrideText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new YamlException(
                    line(overrideNode),
                    "override '" + overrideText + "' of rule '" + id + "' must be NONE, FOUR_EYES or ONE_REVIEWER");
        }
        Rule.ConditionSpec condition = null;
        Node c = m.get("condition");
        if (c != null) {
            Map<String, Node> cm = mapping(c, "'condition'");
            condition = new Rule.ConditionSpec(
                    text(cm, "description", c),
                    optionalText(cm, "dueWithinDays").orElse(null),
                    optionalText(cm, "reference").orElse(null));
        }
        LocalDate from = optionalDate(m, "validFrom").orElse(null);
        LocalDate until = optionalDate(m, "validUntil").orElse(null);
        if (from != null && until != null && until.isBefore(from)) {
            throw new YamlException(line(m.get("validUntil")), "validUntil " + until + " is before validFrom " + from);
        }
        return new Rule(
                id,
                code,
                text(m, "title", n),
                effect,
                override,
                text(m, "citation", n),
                text(m, "when", n),
                optionalText(m, "evidence").orElse(null),
                text(m, "explanation", n),
                text(m, "remediation", n),
                from,
                until,
                condition,
                file,
                line(n),
                line(m.get("when")));
    }

    private void readTests(String file, Node root, List<BundleTestCase> tests) {
        Map<String, Node> m = mapping(root, "a test file");
        Node list = m.get("cases");
        if (list == null) {
            throw new YamlException(line(root), "a test file needs a 'cases' list");
        }
        for (Node n : sequence(list, "'cases'")) {
            try {
                tests.add(testCase(file, n));
            } catch (YamlException e) {
                problems.add(new BundleProblem(file, e.line(), e.getMessage()));
            }
        }
    }

    private BundleTestCase testCase(String file, Node n) {
        Map<String, Node> m = mapping(n, "a test case");
        String name = text(m, "name", n);
        LocalDate date = YamlNodes.date(m, "date", n);
        TransferRequest request = request(m.get("request"), n);
        Map<String, Node> world = m.containsKey("world") ? mapping(m.get("world"), "'world'") : Map.of();
        PartnerSnapshot partner = world.containsKey("partner") ? partner(world.get("partner")) : null;
        List<Licence> licences =
                list(world, "licences").stream().map(WorldYaml::licence).toList();
        List<Dsa> dsas = list(world, "dsas").stream().map(WorldYaml::dsa).toList();
        DecisionInputs inputs = new DecisionInputs(
                text(m, "submitter", n),
                request,
                date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(12 * 3600),
                home,
                partner,
                optionalLong(world, "typicalTransferBytes").orElse(0L),
                optionalLong(world, "completedTransfersToPartner").orElse(0L),
                licences.stream()
                        .filter(l -> request.licenceIds().contains(l.id()))
                        .toList(),
                licences.stream().filter(l -> l.type().equals(Licence.GENERAL)).toList(),
                dsas.stream()
                        .filter(d -> d.id().equals(request.dsaId()))
                        .findFirst()
                        .orElse(null),
                list(world, "emergencies").stream().map(WorldYaml::emergency).toList(),
                list(world, "screening").stream().map(BundleLoader::hit).toList());
        Node expectNode = m.get("expect");
        if (expectNode == null) {
            throw new YamlException(line(n), "test case '" + name + "' has no 'expect'");
        }
        Map<String, Node> expect = mapping(expectNode, "'expect'");
        Outcome outcome;
        String outcomeText = text(expect, "outcome", expectNode);
        try {
            outcome = Outcome.valueOf(outcomeText);
        } catch (IllegalArgumentException e) {
            throw new YamlException(line(expect.get("outcome")), "unknown outcome '" + outcomeText + "'");
        }
        return new BundleTestCase(
                name,
                inputs,
                outcome,
                texts(expect, "codes"),
                texts(expect, "absentCodes"),
                texts(expect, "rules"),
                file,
                line(n));
    }

    private static List<Node> list(Map<String, Node> m, String key) {
        Node n = m.get(key);
        return n == null || YamlNodes.isNull(n) ? List.of() : sequence(n, "'" + key + "'");
    }

    private static TransferRequest request(Node node, Node parent) {
        if (node == null) {
            throw new YamlException(line(parent), "'request' is required");
        }
        JsonNode json = YamlNodes.toJson(node);
        List<Violation> violations = REQUEST_SCHEMA.validate(json);
        if (!violations.isEmpty()) {
            Violation v = violations.get(0);
            throw new YamlException(
                    line(node), "request breaks the contract at " + v.field() + " (" + v.rule() + "): " + v.message());
        }
        try {
            return Json.mapper().treeToValue(json, TransferRequest.class);
        } catch (JsonProcessingException e) {
            throw new YamlException(line(node), "request cannot be read: " + e.getOriginalMessage());
        }
    }

    private static PartnerSnapshot partner(Node node) {
        Map<String, Node> m = mapping(node, "'partner'");
        return new PartnerSnapshot(
                text(m, "id", node),
                optionalText(m, "institution").orElse(""),
                text(m, "country", node),
                optionalText(m, "status").orElse("ACTIVE"),
                optionalText(m, "profitStatus").orElse("NOT_FOR_PROFIT"),
                optionalBoolean(m, "adequacyCovered").orElse(false),
                optionalDate(m, "keyValidUntil").orElse(null));
    }

    private static ScreeningHit hit(Node node) {
        Map<String, Node> m = mapping(node, "a screening hit");
        String matchClass = text(m, "class", node);
        if (!matchClass.equals(ScreeningHit.MATCH) && !matchClass.equals(ScreeningHit.POSSIBLE)) {
            throw new YamlException(
                    line(node), "screening class must be MATCH or POSSIBLE, found '" + matchClass + "'");
        }
        String name = text(m, "name", node);
        return new ScreeningHit(
                matchClass,
                text(m, "entryId", node),
                optionalText(m, "listId").orElse("test"),
                optionalText(m, "score").map(Double::parseDouble).orElse(1.0),
                name,
                optionalText(m, "listedName").orElse(name),
                optionalText(m, "role").orElse("END_USER"),
                optionalText(m, "relation").orElse("test"));
    }
}
