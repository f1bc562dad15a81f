package org.sluice.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.PostgresResource;
import org.sluice.testsupport.Tokens;

/** The input policy every service inherits from the platform, seen from a client. */
@QuarkusTest
class InputPolicyTest {

    private static final String PROBLEMS = "https://sluice.example/problems/";

    @Test
    void aNulInABodyFieldIsA400NamingTheFieldAndNothingIsStored() throws Exception {
        post("/probe/notes", "{\"name\": \"nul-probe\", \"justification\": \"ok\\u0000\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("justification"))
                .body("errors[0].rule", equalTo("control-character"));
        assertThat(count("SELECT count(*) FROM platformtest.probe_notes WHERE name = 'nul-probe'"))
                .isZero();
    }

    @Test
    void everyBadTextOfABodyIsNamedByItsPathWhateverTheResourceReadsItAs() {
        String body =
                "{\"name\": \"x\\ud800\", \"tags\": [\"fine\", \"bell\\u0007\"], \"justification\": \"line one\\nline two\"}";
        for (String path : new String[] {"/probe/notes", "/probe/echo", "/probe/stream"}) {
            post(path, body)
                    .statusCode(400)
                    .body("type", equalTo(PROBLEMS + "validation"))
                    .body("errors.field", equalTo(java.util.List.of("name", "tags[1]")))
                    .body("errors.rule", equalTo(java.util.List.of("unpaired-surrogate", "control-character")));
        }
    }

    @Test
    void aTextLongerThanItsMembersLimitIsRefusedAndOthersKeepTheDefault() {
        post("/probe/notes", "{\"name\": \"long\", \"justification\": \"" + "j".repeat(4001) + "\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("justification"))
                .body("errors[0].rule", equalTo("maxLength"))
                .body("errors[0].message", containsString("4000"));
        post("/probe/notes", "{\"name\": \"" + "n".repeat(301) + "\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].rule", equalTo("maxLength"));
        post("/probe/notes", "{\"name\": \"fits\", \"justification\": \"" + "j".repeat(4000) + "\"}")
                .statusCode(200);
    }

    @Test
    void pathAndQueryParametersKeepTheSameRules() {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.admin())
                .get("/probe/notes/tr-%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].rule", equalTo("control-character"));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.admin())
                .get("/probe/notes/fine?category=%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].rule", equalTo("control-character"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/probe/notes/fine?category=" + "c".repeat(257))
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("maxLength"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/probe/notes/fine?category=ok")
                .then()
                .statusCode(200);
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NotA404() {
        given().auth()
                .oauth2(Tokens.admin())
                .get("/probe/page?before=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("before"))
                .body("errors[0].rule", equalTo("type"));
    }

    @Test
    void unreadableJsonNeverNamesParserOrJavaClasses() {
        post("/probe/notes", "{\"name\": \"x\", \"unknown\": 1}")
                .statusCode(400)
                .body("errors[0].field", equalTo("unknown"))
                .body("errors[0].rule", equalTo("additionalProperties"))
                .body(not(containsString("org.sluice")))
                .body(not(containsString("jackson")));
        post("/probe/notes", "{\"name\": \"x\", \"count\": \"many\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("java.")))
                .body(not(containsString("Deserializer")));
        post("/probe/notes", "{\"name\": ")
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-json"))
                .body("detail", not(containsString("Jackson")))
                .body("detail", not(containsString("com.fasterxml")));
        post("/probe/notes", "{\"name\": \"a\", \"name\": \"b\"}")
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-json"))
                .body("detail", containsString("\"name\" appears twice"));
    }

    @Test
    void tooLongTargetsAndTooLargeHeadersAreProblemDocuments() {
        given().get("/probe/notes/" + "x".repeat(9000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "uri-too-long"));
        given().header("X-Padding", "p".repeat(17000))
                .get("/probe/notes/x")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "headers-too-large"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemDocuments() {
        given().auth()
                .oauth2(Tokens.admin())
                .delete("/probe/echo")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void garbagePathsNeverBecomeMetricLabels() {
        given().get("/probe/garbage-label-7f3a").then().statusCode(404);
        given().header("X-Padding", "p".repeat(17000))
                .get("/probe/garbage-label-8b1c")
                .then()
                .statusCode(431);
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.admin())
                .get("/probe/notes/garbage-label-9c2d%00")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(not(containsString("garbage-label")))
                .body(containsString("uri=\"/probe/notes/{name}\""));
    }

    private static ValidatableResponse post(String path, String json) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(json)
                .post(path)
                .then();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
