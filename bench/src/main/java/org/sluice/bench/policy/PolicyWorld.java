package org.sluice.bench.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sluice.events.transfer.Basis;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.Consent;
import org.sluice.events.transfer.Dataset;
import org.sluice.events.transfer.Destination;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.PayloadDeclaration;
import org.sluice.events.transfer.Purpose;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.partner.PartnerSnapshot;
import org.sluice.policy.screening.ScreeningHit;
import org.sluice.policy.world.Dsa;
import org.sluice.policy.world.Licence;
import org.sluice.testsupport.Fixtures;

/** The inputs the benchmarks decide: the architecture's example request (P01) with its demo world. */
final class PolicyWorld {

    private PolicyWorld() {}

    static String read(String relative) {
        try {
            return Files.readString(Fixtures.path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final TransferRequest REQUEST = new TransferRequest(
            new Dataset(
                    "ds-bc-2024-07",
                    "Breast cancer cohort WGS",
                    Category.HUMAN_INDIVIDUAL,
                    412,
                    "VCF",
                    new Consent(List.of("DUO:0000007", "DUO:0000018"), List.of("MONDO:0007254"), List.of())),
            new Purpose("DUO:0000007", "MONDO:0007254", false, "Replication of BRCA2 modifier GWAS"),
            new Destination("p-charite", "DE"),
            List.of(new EndUser("Dr. Anna Keller", "Charite - Universitaetsmedizin Berlin", "DE")),
            List.of("LIC-2025-0042"),
            "DSA-CHARITE-2024",
            "EA-17-331",
            Basis.STANDARD,
            new PayloadDeclaration(104857600, "0ed40b1ab96611d19c85daa4258773a5574e3552f63d79ef68ab9b95ae1f908e"));

    static final PartnerSnapshot PARTNER = new PartnerSnapshot(
            "p-charite",
            "Charite - Universitaetsmedizin Berlin",
            "DE",
            "ACTIVE",
            "NOT_FOR_PROFIT",
            false,
            LocalDate.parse("2031-12-31"));

    private static final Instant NOW = Instant.parse("2027-03-15T10:00:00Z");
    private static final DecisionInputs WITHOUT_HITS = world(List.of());

    /**
     * The inputs of one decision, with the screening hits found for it: the world's records are built once,
     * as the service reads them from its tables once per request; only the hits are new.
     */
    static DecisionInputs inputs(List<ScreeningHit> hits) {
        DecisionInputs w = WITHOUT_HITS;
        return new DecisionInputs(
                w.institutionId(),
                w.request(),
                w.evaluatedAt(),
                w.home(),
                w.partner(),
                w.typicalTransferBytes(),
                w.completedTransfersToPartner(),
                w.citedLicences(),
                w.generalLicences(),
                w.dsa(),
                w.emergencies(),
                hits);
    }

    private static DecisionInputs world(List<ScreeningHit> hits) {
        return new DecisionInputs(
                "i-umcu",
                REQUEST,
                NOW,
                "NL",
                PARTNER,
                67108864,
                41,
                List.of(new Licence(
                        "LIC-2025-0042",
                        "INDIVIDUAL",
                        "ACTIVE",
                        "i-umcu",
                        List.of("HUMAN_INDIVIDUAL", "HUMAN_AGGREGATE"),
                        List.of("US", "JP", "BR", "ZA", "DE"),
                        null,
                        LocalDate.parse("2025-03-01"),
                        LocalDate.parse("2030-12-31"),
                        17592186044416L,
                        5000L,
                        1236950581248L,
                        212,
                        false,
                        null,
                        null)),
                List.of(new Licence(
                        "GL-NL-2024-01",
                        "GENERAL",
                        "ACTIVE",
                        "*",
                        List.of("HUMAN_AGGREGATE"),
                        List.of(),
                        "mutual_recognition",
                        LocalDate.parse("2024-01-01"),
                        LocalDate.parse("2031-12-31"),
                        null,
                        null,
                        0,
                        0,
                        false,
                        null,
                        null)),
                new Dsa(
                        "DSA-CHARITE-2024",
                        "p-charite",
                        "i-umcu",
                        "ACTIVE",
                        List.of("HUMAN_INDIVIDUAL", "HUMAN_AGGREGATE", "DERIVED_NON_IDENTIFIABLE"),
                        LocalDate.parse("2024-04-01"),
                        LocalDate.parse("2031-03-31"),
                        "UMCU-Charite"),
                List.of(),
                hits);
    }
}
