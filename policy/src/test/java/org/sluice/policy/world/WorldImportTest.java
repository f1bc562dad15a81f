package org.sluice.policy.world;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sluice.policy.World;
import org.sluice.testsupport.Tokens;

/** Reference data imports read the world files' YAML faithfully and refuse broken documents by line. */
@QuarkusTest
class WorldImportTest {

    @Test
    void anUnquotedNoIsNorwayNotFalse() throws Exception {
        String yaml = """
                licences:
                  - id: LIC-TEST-NORWAY
                    type: INDIVIDUAL
                    status: ACTIVE
                    holder: i-umcu
                    categories: [PATHOGEN_OF_CONCERN]
                    destinations: [NO, IS]
                    validFrom: "2025-01-01"
                    validUntil: "2030-12-31"
                    quota: { bytes: 1000, transfers: 2 }
                    used: { bytes: 0, transfers: 0 }
                """;
        put("licences", yaml).statusCode(200).body("upserted[0]", equalTo("LIC-TEST-NORWAY"));

        assertThat(World.count("SELECT count(*) FROM policy.licences WHERE licence_id = 'LIC-TEST-NORWAY'"
                        + " AND destinations = ARRAY['NO', 'IS']"))
                .isEqualTo(1);
    }

    @Test
    void aBrokenDocumentIsRefusedWithItsLineAndNothingIsStored() throws Exception {
        String yaml = """
                dsas:
                  - id: DSA-TEST-GOOD
                    partner: p-charite
                    institution: i-umcu
                    status: ACTIVE
                    categories: [HUMAN_INDIVIDUAL]
                    validFrom: "2025-01-01"
                    validUntil: "2030-12-31"
                  - id: DSA-TEST-BAD
                    partner: p-charite
                    institution: i-umcu
                    status: MAYBE
                    categories: [HUMAN_INDIVIDUAL]
                    validFrom: "2025-01-01"
                    validUntil: "2030-12-31"
                """;
        put("dsas", yaml)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 12"))
                .body("errors[0].message", containsString("status"));

        assertThat(World.count("SELECT count(*) FROM policy.dsas WHERE dsa_id = 'DSA-TEST-GOOD'"))
                .isZero();
        put("dsas", "dsas: [ {id: x").statusCode(400).body("errors[0].rule", equalTo("yaml"));
    }

    @Test
    void unknownKindsAndOtherRolesAreRefused() {
        put("planets", "planets: []").statusCode(404);
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .contentType("application/yaml")
                .body("licences: []".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/world/licences")
                .then()
                .statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse put(String kind, String yaml) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/world/" + kind)
                .then();
    }
}
