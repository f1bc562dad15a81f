package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sluice.embedded.FreePorts;
import org.sluice.testsupport.browser.Chromium;

/**
 * Issue 12's real identity provider: the local stack's services verify tokens of a real Keycloak (its
 * distribution from Maven Central, realm {@code sluice} of {@code src/test/resources/keycloak/sluice-realm.json})
 * instead of the stack's own issuer, configured only by {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} (the realm's
 * JWKS) and {@code MP_JWT_VERIFY_ISSUER}. People get tokens by the password grant of the public client, partners'
 * machines and Sluice's own automation by client credentials of confidential clients; roles come from the realm
 * roles (claim {@code groups}), the institution from a user attribute, the partner id from a hard-coded claim of
 * the partner's client. The operator's service account loads the demo world; the gateway's service account
 * fetches the audit receipts its manifests carry. The gateway's submitter portal signs people in at the realm
 * ({@code sluice.gateway.portal.oidc.*}, client {@code sluice-portal}): authorization code with PKCE in headless
 * Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakIdentityIT {

    private KeycloakServer keycloak;
    private LocalStack stack;
    /** Tokens the realm issued, by the demo user names of {@link DemoUser} (plus NOBODY, a user without roles). */
    private final Map<String, String> tokens = new HashMap<>();

    private Api api;

    @BeforeAll
    void startKeycloakAndTheStack() {
        Optional<Path> java = KeycloakServer.java21OrLater();
        assumeTrue(
                java.isPresent(),
                "Keycloak 26 needs Java 21 or later: set -Dsluice.java.home or SLUICE_JAVA_HOME to such a"
                        + " JDK (none found there, in java.home, JAVA_HOME or /usr/lib/jvm)");
        Path work = Path.of("target", "keycloak-identity").toAbsolutePath();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, FreePorts.pick());
        }
        // the realm registers the portal's client for this gateway's origin, so its ports are known first
        keycloak = KeycloakServer.start(java.get(), work, URI.create("http://localhost:" + ports.get(Service.GATEWAY)));

        // people: the public client's password grant
        tokens.put("SUBMITTER_UMCU", keycloak.password("s.devries@umcu", "umcu-password"));
        tokens.put("SUBMITTER_LUMC", keycloak.password("m.jansen@lumc", "lumc-password"));
        tokens.put("SUBMITTER_RIVM", keycloak.password("r.bakker@rivm", "rivm-password"));
        tokens.put("REVIEWER", keycloak.password("e.visser@eco", "reviewer-password"));
        tokens.put("NOBODY", keycloak.password("n.nobody@umcu", "nobody-password"));
        // machines: client credentials of confidential clients
        tokens.put("PARTNER_CHARITE", keycloak.clientCredentials("partner-charite", "charite-machine-secret"));
        tokens.put("ADMIN", keycloak.clientCredentials("sluice-operator", "operator-secret"));

        Path root = Path.of(System.getProperty("sluice.root", "../.."))
                .toAbsolutePath()
                .normalize();
        StackOptions options = new StackOptions(
                root,
                work.resolve("stack"),
                true,
                ports,
                false,
                Map.of(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        keycloak.jwks().toString(),
                        "MP_JWT_VERIFY_ISSUER",
                        keycloak.issuer().toString(),
                        "SLUICE_GATEWAY_AUDIT_TOKEN",
                        keycloak.clientCredentials("sluice-gateway", "gateway-secret"),
                        // the portal's "Sign in with your organisation" (sluice.gateway.portal.oidc.*)
                        "SLUICE_GATEWAY_PORTAL_OIDC_AUTHORIZATION_ENDPOINT",
                        keycloak.authorizationEndpoint().toString(),
                        "SLUICE_GATEWAY_PORTAL_OIDC_TOKEN_ENDPOINT",
                        keycloak.tokenEndpoint().toString(),
                        "SLUICE_GATEWAY_PORTAL_OIDC_CLIENT_ID",
                        KeycloakServer.PORTAL_CLIENT));
        stack = LocalStack.start(options);
        new DemoSeeder(options.demoDirectory(), stack.uri(Service.GATEWAY), stack.uri(Service.POLICY), tokens).seed();
        api = new Api(stack, tokens);
    }

    @AfterAll
    void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }

    @Test
    void aSubmitterPersonsTransferIsTheirInstitutionsAloneAndThePartnersMachineReceivesItsPackage() {
        assertThat(claims("SUBMITTER_UMCU").path("institution").asText()).isEqualTo("i-umcu");
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);

        JsonNode status = api.awaitState("SUBMITTER_UMCU", transferId, List.of("SEALED", "DENIED", "IN_REVIEW"));
        assertThat(status.path("state").asText()).as(status.toPrettyString()).isEqualTo("SEALED");
        String packageId = status.at("/package/packageId").asText();

        // another institution's submitter: the token's institution claim is what binds the transfer
        api.as(Service.GATEWAY, "SUBMITTER_LUMC")
                .get("/api/v1/transfers/" + transferId)
                .then()
                .statusCode(404);

        // Charite's machine, by client credentials: role partner and the hard-coded claim partner=p-charite
        assertThat(claims("PARTNER_CHARITE").path("partner").asText()).isEqualTo("p-charite");
        JsonNode packages = Api.json(api.as(Service.GATEWAY, "PARTNER_CHARITE").get("/api/v1/partner/packages"));
        assertThat(packages.findValuesAsText("packageId")).contains(packageId);
        api.as(Service.GATEWAY, "PARTNER_CHARITE")
                .get("/api/v1/partner/packages/" + packageId + "/manifest")
                .then()
                .statusCode(200);
        // a partner's machine is no submitter
        api.as(Service.GATEWAY, "PARTNER_CHARITE")
                .get("/api/v1/transfers/" + transferId)
                .then()
                .statusCode(403);
    }

    @Test
    void aReviewerPersonListsAndClaimsTheCaseAndASubmitterIsNoReviewer() {
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_RIVM", Demo.firstTransferToKarolinska(vcf), vcf);
        JsonNode status = api.awaitState("SUBMITTER_RIVM", transferId, List.of("IN_REVIEW", "SEALED", "DENIED"));
        assertThat(status.path("state").asText()).as(status.toPrettyString()).isEqualTo("IN_REVIEW");

        JsonNode[] reviewCase = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonNode queue = Api.json(api.as(Service.POLICY, "REVIEWER")
                            .get("/api/v1/reviews")
                            .then()
                            .statusCode(200)
                            .extract()
                            .response());
                    for (JsonNode item : queue.path("items")) {
                        if (transferId.equals(item.path("transferId").asText())) {
                            reviewCase[0] = item;
                            return true;
                        }
                    }
                    return false;
                });
        // the principal names and the institution come from the tokens too: who submitted, who claims
        assertThat(reviewCase[0].path("submittedBy").asText()).isEqualTo("r.bakker@rivm");
        assertThat(reviewCase[0].path("institutionId").asText()).isEqualTo("i-rivm");
        String claimedBy = api.as(Service.POLICY, "REVIEWER")
                .post("/api/v1/reviews/" + reviewCase[0].path("reviewId").asText() + "/claim")
                .then()
                .statusCode(200)
                .extract()
                .path("claimedBy");
        assertThat(claimedBy).isEqualTo("e.visser@eco");

        // a submitter is no reviewer, a reviewer no submitter
        api.as(Service.POLICY, "SUBMITTER_RIVM").get("/api/v1/reviews").then().statusCode(403);
        api.as(Service.GATEWAY, "REVIEWER")
                .get("/api/v1/transfers/" + transferId)
                .then()
                .statusCode(403);
    }

    @Test
    void aUserWithoutRolesIsForbiddenAndATamperedTokenIsUnauthenticated() {
        assertThat(claims("NOBODY").has("groups")).isFalse();
        assertThat(claims("NOBODY").path("iss").asText())
                .isEqualTo(keycloak.issuer().toString());
        api.as(Service.GATEWAY, "NOBODY")
                .contentType("application/json")
                .body(Demo.requestToCharite(Demo.vcf()).toString())
                .post("/api/v1/transfers")
                .then()
                .statusCode(403);
        api.as(Service.POLICY, "NOBODY").get("/api/v1/reviews").then().statusCode(403);
        api.as(Service.GATEWAY, "NOBODY").get("/api/v1/partner/packages").then().statusCode(403);

        // the submitter's real token with its payload changed to claim the reviewer role: the signature fails
        String[] parts = tokens.get("SUBMITTER_UMCU").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"submitter\"", "\"reviewer\"");
        assertThat(payload).contains("\"reviewer\"");
        Map<String, String> forged = Map.of(
                "TAMPERED",
                parts[0] + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2]);
        Api forger = new Api(stack, forged);
        forger.as(Service.POLICY, "TAMPERED").get("/api/v1/reviews").then().statusCode(401);
        forger.as(Service.GATEWAY, "TAMPERED")
                .get("/api/v1/partner/packages")
                .then()
                .statusCode(401);
    }

    @Test
    void aSubmitterSignsInToThePortalAtKeycloakSeesTheirInstitutionsTransferAndSignsOut() {
        // one transfer each of two institutions, created moments ago through the API
        String ours = createTransfer("SUBMITTER_UMCU");
        String theirs = createTransfer("SUBMITTER_LUMC");
        String portal = stack.uri(Service.GATEWAY).resolve("/portal/").toString();
        // the page may call the token endpoint: the gateway's Content-Security-Policy names it
        assertThat(RestAssured.given()
                        .get(portal + "config.json")
                        .then()
                        .statusCode(200)
                        .body("oidc.clientId", equalTo(KeycloakServer.PORTAL_CLIENT))
                        .extract()
                        .header("Content-Security-Policy"))
                .contains("connect-src 'self' " + keycloak.tokenEndpoint() + ";");

        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            JavascriptExecutor page = (JavascriptExecutor) browser;
            browser.get(portal);
            Pages.await(wait, browser, b -> b.findElement(By.id("sign-in-oidc")).isDisplayed());
            browser.findElement(By.id("sign-in-oidc")).click();

            // Keycloak's own login page, asked for a code with an S256 challenge by the portal's client
            Pages.await(
                    wait,
                    browser,
                    b -> b.getCurrentUrl().startsWith(keycloak.issuer() + "/")
                            && !b.findElements(By.id("username")).isEmpty());
            assertThat(browser.getCurrentUrl())
                    .contains("client_id=" + KeycloakServer.PORTAL_CLIENT)
                    .contains("code_challenge_method=S256")
                    .contains("code_challenge=");
            browser.findElement(By.id("username")).sendKeys("s.devries@umcu");
            browser.findElement(By.id("password")).sendKeys("umcu-password");
            browser.findElement(By.id("kc-login")).click();

            // back at the portal, the code exchanged in the page: signed in as that person
            Pages.await(
                    wait,
                    browser,
                    b -> b.findElement(By.id("signed-in-as")).getText().contains("s.devries@umcu"));
            assertThat(browser.findElement(By.id("signed-in-as")).getText())
                    .isEqualTo("Signed in as s.devries@umcu (i-umcu)");
            assertThat(browser.getCurrentUrl())
                    .as("the code is gone from the address")
                    .isEqualTo(portal);
            assertThat(browser.findElement(By.id("sign-in-error")).getText()).isEmpty();
            assertThat(browser.findElement(By.id("sign-in-panel")).isDisplayed())
                    .isFalse();
            String token = (String) page.executeScript("return sessionStorage.getItem('sluice.portal.token');");
            JsonNode claims = KeycloakServer.claims(token);
            assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer().toString());
            assertThat(claims.path("azp").asText()).isEqualTo(KeycloakServer.PORTAL_CLIENT);

            // the institution's list holds the transfer this person submitted, not another institution's
            Pages.await(
                    wait,
                    browser,
                    b -> !b.findElements(By.cssSelector("[data-testid=transfer-row][data-transfer-id='" + ours + "']"))
                            .isEmpty());
            assertThat(browser.findElements(
                            By.cssSelector("[data-testid=transfer-row][data-transfer-id='" + theirs + "']")))
                    .isEmpty();

            // signing out forgets the token: the sign-in is offered again, also after a reload
            browser.findElement(By.id("sign-out")).click();
            Pages.await(wait, browser, b -> b.findElement(By.id("oidc-sign-in")).isDisplayed());
            assertThat(page.executeScript("return sessionStorage.getItem('sluice.portal.token');"))
                    .isNull();
            browser.navigate().refresh();
            Pages.await(wait, browser, b -> b.findElement(By.id("oidc-sign-in")).isDisplayed());
            assertThat(browser.findElement(By.id("portal")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEmpty();
            assertThat(page.executeScript("return sessionStorage.getItem('sluice.portal.token');"))
                    .isNull();
        } finally {
            browser.quit();
        }
    }

    private JsonNode claims(String user) {
        return KeycloakServer.claims(tokens.get(user));
    }

    /** A transfer to Charite created by this user through the API (not uploaded): its id. */
    private String createTransfer(String user) {
        return api.as(Service.GATEWAY, user)
                .contentType("application/json")
                .body(Demo.requestToCharite(Demo.vcf()).toString())
                .post("/api/v1/transfers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
