package org.sluice.policy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerKey;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.events.partner.ProfitStatus;
import org.sluice.policy.yaml.YamlNodes;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.PostgresResource;
import org.sluice.testsupport.Tokens;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Seeds the demo world of the fixtures into the running service, once per test JVM: partners as
 * {@code PartnerUpdated} events (key fingerprints from the .pub files), the rest through the admin API.
 */
public final class World {

    private static boolean seeded;

    private World() {}

    public static synchronized void seed() {
        if (seeded) {
            return;
        }
        KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
        List<PartnerUpdated> partners = partners();
        partners.forEach(p -> kafka.publish(event(p)));
        for (String kind : List.of("licences", "dsas", "emergencies", "institutions")) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType("application/yaml")
                    .body(read("world/" + kind + ".yaml").getBytes(StandardCharsets.UTF_8))
                    .put("/api/v1/admin/world/" + kind)
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body(read("screening/denied-parties.csv").getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/screening-lists/consolidated")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM policy.partners") >= partners.size());
        seeded = true;
    }

    /**
     * Registers a test licence for RIVM: pathogen data to the US, one TiB, the given transfer quota,
     * valid to the given day.
     */
    public static void putLicence(String id, String type, long transfers, LocalDate validUntil, boolean verified) {
        String json = "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"status\": \"ACTIVE\","
                + " \"holder\": \"i-rivm\", \"categories\": [\"PATHOGEN_OF_CONCERN\"], \"destinations\": [\"US\"],"
                + " \"validFrom\": \"2025-01-01\", \"validUntil\": \"" + validUntil + "\","
                + " \"postShipmentVerification\": " + verified + ", \"verificationDays\": 30,"
                + " \"quota\": {\"bytes\": 1099511627776, \"transfers\": " + transfers + "},"
                + " \"used\": {\"bytes\": 0, \"transfers\": 0}}";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(json)
                .put("/api/v1/admin/licences/" + id)
                .then()
                .statusCode(200);
    }

    /** The partners of world/partners.yaml as the gateway would announce them. */
    public static List<PartnerUpdated> partners() {
        Node root = YamlNodes.parse(read("world/partners.yaml"));
        List<PartnerUpdated> out = new ArrayList<>();
        for (Node n :
                YamlNodes.sequence(YamlNodes.mapping(root, "partners.yaml").get("partners"), "partners")) {
            Map<String, Node> m = YamlNodes.mapping(n, "partner");
            String id = YamlNodes.text(m, "id", n);
            out.add(new PartnerUpdated(
                    id,
                    YamlNodes.text(m, "institution", n),
                    YamlNodes.text(m, "country", n),
                    PartnerStatus.valueOf(YamlNodes.text(m, "status", n)),
                    YamlNodes.optionalText(m, "suspensionReason").orElse(null),
                    ProfitStatus.valueOf(YamlNodes.text(m, "profitStatus", n)),
                    YamlNodes.optionalBoolean(m, "adequacyCovered").orElse(false),
                    PackageFormat.CRYPT4GH,
                    List.of(new PartnerKey(
                            id + "-key-1",
                            PackageFormat.CRYPT4GH,
                            fingerprint(YamlNodes.text(m, "publicKey", n)),
                            LocalDate.parse("2024-01-01"),
                            YamlNodes.date(m, "keyValidUntil", n)))));
        }
        return out;
    }

    public static Event<PartnerUpdated> event(PartnerUpdated p) {
        return Event.of("/sluice/gateway", Principal.system("gateway"), p, Clock.systemUTC());
    }

    /** A fixture file's text. */
    public static String read(String relative) {
        try {
            return Files.readString(Fixtures.path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number the database answers. */
    public static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Runs a statement against the database, as an operator would by hand. */
    public static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    private static String fingerprint(String pubFile) {
        String text = read(pubFile);
        String base64 = text.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read key " + pubFile, e);
        }
    }
}
