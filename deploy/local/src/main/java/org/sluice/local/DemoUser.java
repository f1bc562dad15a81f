package org.sluice.local;

import java.util.List;

/**
 * A demo identity the local stack issues a token for.
 *
 * @param variable the shell variable the token is exported as in {@code tokens.env}
 * @param principal the principal id
 * @param roles the roles
 * @param institution the home institution, or null
 * @param partner the partner id, or null
 * @param description who this is, for the banner
 */
public record DemoUser(
        String variable, String principal, List<String> roles, String institution, String partner, String description) {

    /** The demo's people: submitters of the three institutions, reviewers, an analyst, partners, an admin, a metrics scraper. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser(
                    "SUBMITTER_UMCU", "s.devries@umcu", List.of("submitter"), "i-umcu", null, "submitter, UMC Utrecht"),
            new DemoUser(
                    "SUBMITTER_LUMC", "m.jansen@lumc", List.of("submitter"), "i-lumc", null, "submitter, Leiden UMC"),
            new DemoUser("SUBMITTER_RIVM", "r.bakker@rivm", List.of("submitter"), "i-rivm", null, "submitter, RIVM"),
            new DemoUser(
                    "REVIEWER", "e.visser@eco", List.of("reviewer"), "eco", null, "reviewer, export-control office"),
            new DemoUser("REVIEWER_2", "l.smit@eco", List.of("reviewer"), "eco", null, "second reviewer"),
            new DemoUser(
                    "SENIOR_REVIEWER",
                    "j.mulder@eco",
                    List.of("reviewer", "senior-reviewer"),
                    "eco",
                    null,
                    "senior reviewer"),
            new DemoUser("ANALYST", "k.bos@soc", List.of("security-analyst"), null, null, "security analyst"),
            new DemoUser(
                    "PARTNER_CHARITE", "svc@p-charite", List.of("partner"), null, "p-charite", "partner Charite (DE)"),
            new DemoUser("PARTNER_BROAD", "svc@p-broad", List.of("partner"), null, "p-broad", "partner Broad (US)"),
            new DemoUser("PARTNER_TEHRAN", "svc@p-tehran", List.of("partner"), null, "p-tehran", "partner Tehran (IR)"),
            new DemoUser("ADMIN", "admin@sluice", List.of("admin"), null, null, "administrator"),
            new DemoUser(
                    "METRICS",
                    "prometheus@sluice",
                    List.of("metrics"),
                    null,
                    null,
                    "metrics scraper (GET /q/metrics of each service)"));
}
