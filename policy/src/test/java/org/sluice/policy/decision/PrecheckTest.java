package org.sluice.policy.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.Tokens;

/** The precheck answers with the engine's evaluation, explains on request, and consumes nothing. */
@QuarkusTest
class PrecheckTest {

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void explainFullAlsoListsTheRulesThatDidNotMatch() {
        Scenarios.Scenario s = Scenarios.named("P01");
        JsonPath plain =
                precheck(s.submitter(), s.request().toString(), "").extract().jsonPath();
        JsonPath full = precheck(s.submitter(), s.request().toString(), "?explain=full")
                .extract()
                .jsonPath();

        assertThat(plain.getString("outcome")).isEqualTo("APPROVE");
        assertThat(plain.getList("notMatched")).isEmpty();
        assertThat(full.getList("notMatched.code"))
                .contains("EMBARGOED_DESTINATION", "LICENCE_REQUIRED", "DSA_REQUIRED");
        assertThat(full.getString("bundle.digest")).startsWith("sha256:");
    }

    @Test
    void anotherInstitutionsAgreementIsNeverShownToASubmitterWhoCitesIt() {
        ObjectNode request = Scenarios.named("P01").request().deepCopy();
        request.put("dsaId", "DSA-CHARITE-LUMC-2025"); // LUMC's agreement with Charite, cited by UMCU

        String answer = precheck("i-umcu", request.toString(), "?explain=full")
                .statusCode(200)
                .body("outcome", equalTo("DENY"))
                .body("reasons.code", hasItem("DSA_REQUIRED"))
                .body("reasons.find { it.code == 'DSA_REQUIRED' }.evidence[0].id", equalTo("DSA-CHARITE-LUMC-2025"))
                .body("reasons.find { it.code == 'DSA_REQUIRED' }.evidence[0].detail", equalTo("not found"))
                .extract()
                .asString();

        // neither its parties nor its dates, anywhere in the answer
        assertThat(answer).doesNotContain("i-lumc", "2025-02-01", "2030-12-31", "neurogenetics");
        // the same citation by LUMC itself is its agreement as usual
        ObjectNode own = request.deepCopy();
        precheck("i-lumc", own.toString(), "")
                .statusCode(200)
                .body("reasons.find { it.code == 'DSA_REQUIRED' }", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aPrecheckConsumesNoQuota() throws Exception {
        Scenarios.Scenario s = Scenarios.named("P06");
        long before = World.count("SELECT used_transfers FROM policy.licences WHERE licence_id = 'LIC-2025-0230'");

        precheck(s.submitter(), s.request().toString(), "").body("outcome", equalTo("APPROVE"));
        precheck(s.submitter(), s.request().toString(), "").body("outcome", equalTo("APPROVE"));

        assertThat(World.count("SELECT used_transfers FROM policy.licences WHERE licence_id = 'LIC-2025-0230'"))
                .isEqualTo(before);
    }

    @Test
    void aRequestBreakingTheContractIsRefusedNamingEachField() {
        ObjectNode request = Scenarios.named("P01").request().deepCopy();
        ((ObjectNode) request.get("dataset")).put("subjects", "many");
        ((ObjectNode) request.get("destination")).put("country", "Germany");

        precheck("i-umcu", request.toString(), "")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("dataset.subjects"))
                .body("errors.field", hasItem("destination.country"));
    }

    @Test
    void aDestinationCountryOtherThanThePartnersIsMalformed() {
        ObjectNode request = Scenarios.named("P01").request().deepCopy();
        ((ObjectNode) request.get("destination")).put("country", "FR");

        precheck("i-umcu", request.toString(), "")
                .statusCode(400)
                .body("errors[0].field", equalTo("destination.country"))
                .body("errors[0].rule", equalTo("partner-country"));
    }

    @Test
    void onlyAuthenticatedSubmittersMayAsk() {
        String body = Scenarios.named("P01").request().toString();
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/policy/precheck")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/policy/precheck")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    static io.restassured.response.ValidatableResponse precheck(String institution, String body, String query) {
        return given().auth()
                .oauth2(Tokens.submitter(institution))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/policy/precheck" + query)
                .then();
    }
}
