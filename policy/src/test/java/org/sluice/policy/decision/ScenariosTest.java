package org.sluice.policy.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.Tokens;

/** Every public scenario of the fixtures gets its expected decision through the precheck. */
@QuarkusTest
class ScenariosTest {

    @BeforeEach
    void seed() {
        World.seed();
    }

    static List<Scenarios.Scenario> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioGetsItsExpectedDecision(Scenarios.Scenario s) {
        JsonPath answer = given().auth()
                .oauth2(Tokens.submitter(s.submitter()))
                .contentType("application/json")
                .body(s.request().toString())
                .post("/api/v1/policy/precheck")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> codes = answer.getList("reasons.code");

        assertThat(answer.getString("outcome"))
                .as("outcome of %s with %s", s.name(), codes)
                .isEqualTo(s.outcome());
        assertThat(codes).as("codes of %s", s.name()).containsAll(s.codes());
        assertThat(codes)
                .as("absent codes of %s", s.name())
                .filteredOn(s.absentCodes()::contains)
                .isEmpty();
        List<String> cited = answer.getList(
                "reasons.findAll { it.code == 'DENIED_PARTY' || it.code == 'POSSIBLE_DENIED_PARTY' }.evidence.flatten().id");
        assertThat(cited).as("cited entries of %s", s.name()).containsAll(s.citedEntries());
    }
}
