package org.sluice.local;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.sluice.events.json.Json;

/** The stack's HTTP API as the tests call it: one demo user (or caller with its own token) at a time. */
final class Api {

    private final LocalStack stack;
    private final UnaryOperator<String> tokens;

    /** Callers named by the stack's demo users ({@link DemoUser#variable()}). */
    Api(LocalStack stack) {
        this(stack, user -> stack.demoTokens().get(user));
    }

    /** Callers named by the keys of {@code tokens}, e.g. tokens of an identity provider. */
    Api(LocalStack stack, Map<String, String> tokens) {
        this(stack, tokens::get);
    }

    private Api(LocalStack stack, UnaryOperator<String> tokens) {
        this.stack = stack;
        this.tokens = tokens;
    }

    RequestSpecification as(Service service, String demoUser) {
        return given().baseUri(stack.uri(service).toString())
                .auth()
                .oauth2(tokens.apply(demoUser))
                .urlEncodingEnabled(false);
    }

    /** Creates and uploads a transfer as a submitter; returns its id. */
    String submit(String submitter, JsonNode request, byte[] payload) {
        String id = as(Service.GATEWAY, submitter)
                .contentType("application/json")
                .body(request.toString())
                .post("/api/v1/transfers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Service.GATEWAY, submitter)
                .contentType("application/octet-stream")
                .body(payload)
                .put("/api/v1/transfers/" + id + "/payload")
                .then()
                .statusCode(200);
        return id;
    }

    /** Waits until the transfer reaches one of the states, and returns its status. */
    JsonNode awaitState(String submitter, String transferId, List<String> states) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = json(as(Service.GATEWAY, submitter).get("/api/v1/transfers/" + transferId));
                    return states.contains(last[0].path("state").asText());
                });
        return last[0];
    }

    /** The audit trail of a transfer once it holds at least the given event types. */
    JsonNode awaitTrail(String transferId, List<String> types) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    Response response = as(Service.AUDIT, "ANALYST").get("/api/v1/audit/transfers/" + transferId);
                    if (response.statusCode() != 200) {
                        return false;
                    }
                    last[0] = json(response);
                    return types(last[0]).containsAll(types);
                });
        return last[0];
    }

    /** The event types of a trail, in log order. */
    static List<String> types(JsonNode trail) {
        List<String> types = new java.util.ArrayList<>();
        trail.path("entries").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    static JsonNode json(Response response) {
        try {
            return Json.mapper().readTree(response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
