package org.sluice.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sluice.events.json.Json;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

/** The public policy scenarios of the fixtures. */
public final class Scenarios {

    private Scenarios() {}

    /**
     * One scenario.
     *
     * @param name its unique name
     * @param submitter the submitting institution
     * @param request the request as JSON
     * @param outcome the expected outcome
     * @param codes codes that must appear
     * @param absentCodes codes that must not
     * @param citedEntries screening entries the screening reasons must cite
     */
    public record Scenario(
            String name,
            String submitter,
            JsonNode request,
            String outcome,
            List<String> codes,
            List<String> absentCodes,
            List<String> citedEntries) {

        public TransferRequest typedRequest() {
            try {
                return Json.mapper().treeToValue(request, TransferRequest.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Scenario> all() {
        Node root = YamlNodes.parse(World.read("scenarios/policy-scenarios.yaml"));
        List<Scenario> out = new ArrayList<>();
        for (Node n : YamlNodes.sequence(YamlNodes.mapping(root, "file").get("scenarios"), "scenarios")) {
            Map<String, Node> m = YamlNodes.mapping(n, "scenario");
            Map<String, Node> expect = YamlNodes.mapping(m.get("expect"), "expect");
            out.add(new Scenario(
                    YamlNodes.text(m, "name", n),
                    YamlNodes.text(m, "submitter", n),
                    YamlNodes.toJson(m.get("request")),
                    YamlNodes.text(expect, "outcome", n),
                    YamlNodes.texts(expect, "codes"),
                    YamlNodes.texts(expect, "absentCodes"),
                    YamlNodes.texts(expect, "citedEntries")));
        }
        return out;
    }

    /** The request with other licences cited. */
    public static TransferRequest citing(TransferRequest r, List<String> licenceIds) {
        return new TransferRequest(
                r.dataset(),
                r.purpose(),
                r.destination(),
                r.endUsers(),
                licenceIds,
                r.dsaId(),
                r.ethicsApprovalId(),
                r.basis(),
                r.payload());
    }

    public static Scenario named(String prefix) {
        return all().stream()
                .filter(s -> s.name().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + prefix));
    }
}
