package org.sluice.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.SampleEvents;
import org.sluice.events.json.Json;
import org.sluice.events.transfer.TransferRequest;

class TransferRequestSchemaTest {

    private final SchemaValidator validator = SchemaValidator.forSchema("TransferRequest.schema.json");

    private static ObjectNode valid() {
        return Json.mapper().valueToTree(SampleEvents.request());
    }

    @Test
    void theArchitectureExampleIsValidAndBindsBack() throws Exception {
        ObjectNode body = valid();
        assertThat(validator.validate(body)).isEmpty();
        assertThat(Json.mapper().treeToValue(body, TransferRequest.class)).isEqualTo(SampleEvents.request());
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        ObjectNode body = valid();
        body.remove(List.of("licenceIds", "dsaId", "ethicsApprovalId"));
        ((ObjectNode) body.get("dataset").get("consent")).remove("countries");
        assertThat(validator.validate(body)).isEmpty();
    }

    @Test
    void reportsEveryBrokenFieldAtOnce() {
        ObjectNode body = valid();
        ((ObjectNode) body.get("dataset")).remove("category");
        ((ObjectNode) body.get("dataset")).put("subjects", "many");
        ((ObjectNode) body.get("destination")).put("country", "Germany");
        ((ObjectNode) body.get("payload")).put("sha256", "ABC");
        ((ObjectNode) body.get("endUsers").get(0)).put("country", "de");
        body.put("licenseIds", "LIC-1");
        body.put("basis", "URGENT");

        List<Violation> violations = validator.validate(body);

        assertThat(violations)
                .extracting(Violation::field, Violation::rule)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("dataset.category", "required"),
                        org.assertj.core.groups.Tuple.tuple("dataset.subjects", "type"),
                        org.assertj.core.groups.Tuple.tuple("destination.country", "pattern"),
                        org.assertj.core.groups.Tuple.tuple("payload.sha256", "pattern"),
                        org.assertj.core.groups.Tuple.tuple("endUsers[0].country", "pattern"),
                        org.assertj.core.groups.Tuple.tuple("licenseIds", "additionalProperties"),
                        org.assertj.core.groups.Tuple.tuple("basis", "enum"));
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void anEmptyEndUserListIsRefused() {
        ObjectNode body = valid();
        body.set("endUsers", Json.mapper().createArrayNode());
        assertThat(validator.validate(body)).extracting(Violation::field).containsExactly("endUsers");
    }

    @Test
    void aNonObjectBodyIsOneViolation() {
        ArrayNode body = Json.mapper().createArrayNode();
        List<Violation> violations = validator.validate(body);
        assertThat(violations).extracting(Violation::field).containsExactly("(body)");
        JsonNode unused = body;
        assertThat(unused).isNotNull();
    }
}
