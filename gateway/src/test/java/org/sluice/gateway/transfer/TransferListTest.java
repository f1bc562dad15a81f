package org.sluice.gateway.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;

/** {@code GET /api/v1/transfers}: the institution's own transfers only, filtered, paged, every bad filter named. */
@QuarkusTest
class TransferListTest {

    private byte[] payload;

    @BeforeEach
    void setUp() throws Exception {
        payload = Files.readAllBytes(Fixtures.path("data/synthetic-reads.fastq"));
        GatewayApi.registerPartner("p-charite", "DE");
        GatewayApi.registerPartner("p-broad", "US");
    }

    @Test
    void aSubmitterListsOnlyItsInstitutionsTransfersNewestFirstAndFiltered() {
        String mine = "i-list-" + UUID.randomUUID().toString().substring(0, 8);
        String other = mine + "-other";
        String toCharite = GatewayApi.submit(mine, GatewayApi.request("p-charite", "DE", payload));
        String toBroad = GatewayApi.submit(mine, GatewayApi.request("p-broad", "US", payload));
        String staged = GatewayApi.submit(mine, GatewayApi.request("p-charite", "DE", payload));
        GatewayApi.upload(mine, staged, payload);
        String theirs = GatewayApi.submit(other, GatewayApi.request("p-charite", "DE", payload));

        JsonPath all = list(mine, "");
        assertThat(all.getList("items.id", String.class)).containsExactly(staged, toBroad, toCharite);
        assertThat(all.getList("items.id", String.class)).doesNotContain(theirs);
        assertThat(all.getString("next")).isNull();
        assertThat(all.getString("items[1].partnerId")).isEqualTo("p-broad");
        assertThat(all.getString("items[1].country")).isEqualTo("US");
        assertThat(all.getString("items[1].category")).isEqualTo("HUMAN_INDIVIDUAL");
        assertThat(all.getString("items[1].datasetId")).isEqualTo("ds-bc-2024-07");
        assertThat(all.getString("items[1].outcome")).isNull();

        assertThat(list(mine, "?partnerId=p-broad").getList("items.id", String.class))
                .containsExactly(toBroad);
        assertThat(list(mine, "?country=DE").getList("items.id", String.class)).containsExactly(staged, toCharite);
        assertThat(list(mine, "?state=STAGED").getList("items.id", String.class))
                .containsExactly(staged);
        assertThat(list(mine, "?state=RECEIVED,STAGED&state=SEALED").getList("items.id", String.class))
                .containsExactly(staged, toBroad, toCharite);
        assertThat(list(mine, "?category=NON_HUMAN").getList("items", Object.class))
                .isEmpty();
        assertThat(list(mine, "?from=2000-01-01&to=2000-12-31").getList("items", Object.class))
                .isEmpty();
        assertThat(list(other, "").getList("items.id", String.class)).containsExactly(theirs);
    }

    @Test
    void pagesFollowOneAnotherWithTheCursorWithoutRepeatsOrGaps() {
        String mine = "i-page-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(0, GatewayApi.submit(mine, GatewayApi.request("p-charite", "DE", payload)));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = list(mine, "?limit=2" + (after == null ? "" : "&after=" + after));
            seen.addAll(page.getList("items.id", String.class));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(submitted);
    }

    @Test
    void everyBadFilterIsNamedAtOnce() {
        given().auth()
                .oauth2(Tokens.submitter(GatewayApi.UMCU))
                .get("/api/v1/transfers?state=SHIPPED&country=XX&partnerId=P!&category=ROBOTS&from=yesterday"
                        + "&to=2026-13-01&limit=1000&after=nonsense")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/validation"))
                .body(
                        "errors.field",
                        hasItems("state", "country", "partnerId", "category", "from", "to", "limit", "after"));
        given().auth()
                .oauth2(Tokens.submitter(GatewayApi.UMCU))
                .get("/api/v1/transfers?from=2026-02-01&to=2026-01-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].rule", equalTo("range"));
    }

    @Test
    void onlySubmittersMayList() {
        given().get("/api/v1/transfers").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/transfers")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/transfers").then().statusCode(403);
    }

    private static JsonPath list(String institution, String query) {
        return given().auth()
                .oauth2(Tokens.submitter(institution))
                .urlEncodingEnabled(false)
                .get("/api/v1/transfers" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
