package org.sluice.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.Tokens;

/**
 * A principal over its read limit gets a 429 with Retry-After and a problem; another principal does not.
 * Uploads are charged in bytes: a body over the burst empties the bucket, and the next waits for it.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowReadLimit.class)
class RateLimitTest {

    /** Two reads at once and one a second per principal; 1,000 bytes at once and 100 a second. */
    public static class LowReadLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sluice.platform.rate-limit.read.rate", "1",
                    "sluice.platform.rate-limit.read.burst", "2",
                    "sluice.platform.rate-limit.upload.rate", "100",
                    "sluice.platform.rate-limit.upload.burst", "1000");
        }
    }

    @Test
    void aPrincipalOverItsReadLimitIsToldWhenToRetryAndAnotherIsNot() {
        String alice = Tokens.submitter("rate-alice", UMCU);
        Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Response response = given().auth().oauth2(alice).get("/api/v1/transfers/tr-unknown");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(404);
            }
        }

        assertThat(refused).as("a 429 within 20 reads at one a second").isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1L);
        assertThat(refused.jsonPath().getString("type")).endsWith("/rate-limited");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(refused.jsonPath().getString("detail")).contains("read").contains("1 requests a second");

        given().auth()
                .oauth2(Tokens.submitter("rate-bob", UMCU))
                .get("/api/v1/transfers/tr-unknown")
                .then()
                .statusCode(404);
    }

    @Test
    void anUploadLargerThanTheBurstEmptiesTheBucketAndTheNextWaitsUntilItIsFull() {
        String carol = Tokens.submitter("rate-carol", UMCU);
        // admitted by the limiter (a full bucket), refused by the resource: there is no such transfer
        given().auth()
                .oauth2(carol)
                .contentType("application/octet-stream")
                .body(new byte[5000])
                .put("/api/v1/transfers/tr-unknown/payload")
                .then()
                .statusCode(404);

        Response refused = given().auth()
                .oauth2(carol)
                .contentType("application/octet-stream")
                .body(new byte[900])
                .put("/api/v1/transfers/tr-unknown/payload");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getString("detail")).contains("upload").contains("100 bytes a second");
        // 900 bytes at 100 a second into an empty bucket: 9 s, less what passed since the first body
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 9L);

        given().auth()
                .oauth2(Tokens.submitter("rate-dave", UMCU))
                .contentType("application/octet-stream")
                .body(new byte[10])
                .put("/api/v1/transfers/tr-unknown/payload")
                .then()
                .statusCode(404);
    }
}
