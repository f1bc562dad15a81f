package org.sluice.policy.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.Tokens;

/** A malformed list is refused with its row numbers and the list in force keeps screening. */
@QuarkusTest
class ScreeningListTest {

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void aMalformedListIsRefusedByRowAndTheOldListStaysInForce() {
        String malformed = """
                source_list,entry_id,type,name,alt_names,country,programs,addresses,remarks
                US_SDN,SYN-X-1,individual,Dorian Vexley,,US,NPWMD,,
                US_SDN,SYN-X-1,individual,Someone Else,,US,NPWMD,,
                US_SDN,SYN-X-2,vessel,Sea Star,,PA,NPWMD,,
                US_SDN,SYN-X-3,entity,Acme,,Panama,NPWMD,,
                """;
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body(malformed.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/screening-lists/consolidated")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/malformed-screening-list"))
                .body("errors.field", hasItems("row 3 entry_id", "row 4 type", "row 5 country"))
                .body("detail", containsString("unchanged"));

        Scenarios.Scenario p07 = Scenarios.named("P07");
        given().auth()
                .oauth2(Tokens.submitter(p07.submitter()))
                .contentType("application/json")
                .body(p07.request().toString())
                .post("/api/v1/policy/precheck")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("DENY"))
                .body("reasons.evidence.flatten().id", hasItems("SYN-DPL-00731"));
    }
}
