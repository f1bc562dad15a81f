package org.sluice.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sluice.events.audit.CheckpointSigned;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Evidence;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.ReasonCodes;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageAccessDenied;
import org.sluice.events.delivery.PackageAcknowledged;
import org.sluice.events.delivery.PackageExpired;
import org.sluice.events.delivery.PackageFetched;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.delivery.PackageHeld;
import org.sluice.events.delivery.PackageSealed;
import org.sluice.events.delivery.PackageWithdrawn;
import org.sluice.events.delivery.SealingRefused;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.licensing.LicenceApplicationEscalated;
import org.sluice.events.licensing.LicenceApplicationVoteCast;
import org.sluice.events.licensing.LicenceApplied;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.partner.PartnerKey;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.events.partner.ProfitStatus;
import org.sluice.events.policy.ChangeKind;
import org.sluice.events.policy.LicenceChanged;
import org.sluice.events.policy.PolicyBundleActivated;
import org.sluice.events.policy.ReferenceDataChanged;
import org.sluice.events.policy.ScreeningListLoaded;
import org.sluice.events.review.ReviewClaimed;
import org.sluice.events.review.ReviewEscalated;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.ReviewReleased;
import org.sluice.events.review.ReviewVoteCast;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.ScreeningAdjudication;
import org.sluice.events.review.Vote;
import org.sluice.events.security.AccessDenied;
import org.sluice.events.security.SecurityAlert;
import org.sluice.events.security.Severity;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.Basis;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.Consent;
import org.sluice.events.transfer.Dataset;
import org.sluice.events.transfer.Destination;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.PayloadDeclaration;
import org.sluice.events.transfer.Purpose;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.events.transfer.TransferRequested;

/** One realistic instance of every event type, for contract tests. */
public final class SampleEvents {
    public static final String TRANSFER = "tr-01JCZ3M8Q4";
    static final Instant T = Instant.parse("2026-11-23T10:15:30.123Z");
    static final BundleRef BUNDLE = new BundleRef("default", "2026.11.1", "sha256:" + "ab".repeat(32));
    static final Reason REASON = new Reason(
            ReasonCodes.POSSIBLE_DENIED_PARTY,
            "screening.possible-match",
            "Possible denied party",
            Outcome.REVIEW,
            "Council Regulation (EU) 2021/821, Art. 4",
            "End user 'Mohammed Reza Tabrizian-Sohi' resembles listed 'Mohammad Reza Tabrizian-Sohi'.",
            "A reviewer confirms or clears the match.",
            List.of(new Evidence(Evidence.SCREENING_ENTRY, "SYN-SDN-40218", "one transliteration variant")),
            OverrideClass.FOUR_EYES);

    private SampleEvents() {}

    public static TransferRequest request() {
        return new TransferRequest(
                new Dataset(
                        "ds-bc-2024-07",
                        "Breast cancer cohort WGS",
                        Category.HUMAN_INDIVIDUAL,
                        412,
                        "VCF",
                        new Consent(List.of("DUO:0000007", "DUO:0000018"), List.of("MONDO:0007254"), List.of())),
                new Purpose("DUO:0000007", "MONDO:0007254", false, "Replication of BRCA2 modifier GWAS"),
                new Destination("p-charite", "DE"),
                List.of(new EndUser("Dr. Anna Keller", "Charite Berlin", "DE")),
                List.of("LIC-2025-0042"),
                "DSA-CHARITE-2024",
                "EA-17-331",
                Basis.STANDARD,
                new PayloadDeclaration(104857600, "0ed40b1ab96611d19c85daa4258773a5574e3552f63d79ef68ab9b95ae1f908e"));
    }

    /** One sample data record per event type. */
    public static List<EventData> all() {
        String sha = "e9e26b80357bec81e8726a7806a386be75942785ee211366423de22a91e0fcbd";
        return List.of(
                new TransferRequested(TRANSFER, "i-umcu", request()),
                new TransferCancelled(TRANSFER, "i-umcu", "wrong dataset"),
                new AppealFiled(TRANSFER, "ap-1", "i-umcu", "dc-1", "The end user was misidentified."),
                new TransferDecided(
                        TRANSFER,
                        "dc-1",
                        "i-umcu",
                        "p-broad",
                        "US",
                        Category.HUMAN_INDIVIDUAL,
                        Outcome.REVIEW,
                        List.of(REASON),
                        List.of(new Condition(
                                ReasonCodes.POST_SHIPMENT_VERIFICATION, "Confirm end use", 30, "LIC-2025-0288")),
                        BUNDLE,
                        DecisionSource.ENGINE,
                        null,
                        null,
                        T.plusSeconds(86400 * 30),
                        List.of(),
                        0),
                new ReviewOpened(
                        "rv-1",
                        TRANSFER,
                        ReviewKind.DECISION,
                        "dc-1",
                        "i-umcu",
                        "p-broad",
                        "US",
                        Category.HUMAN_INDIVIDUAL,
                        RiskLevel.HIGH,
                        2,
                        T.plusSeconds(86400),
                        List.of(REASON),
                        List.of()),
                new ReviewClaimed("rv-1", TRANSFER),
                new ReviewReleased("rv-1", TRANSFER, "conflict of interest"),
                new ReviewVoteCast(
                        "rv-1",
                        TRANSFER,
                        Vote.APPROVE,
                        "Different person: date of birth differs.",
                        List.of(),
                        List.of(new ScreeningAdjudication(
                                "SYN-SDN-40218", "Mohammed Reza Tabrizian-Sohi", ScreeningAdjudication.NOT_THIS_PARTY)),
                        false,
                        false),
                new ReviewEscalated("rv-1", TRANSFER, T, T.plusSeconds(3600), "senior-reviewer"),
                new PackageSealed(
                        TRANSFER,
                        "pk-1",
                        "p-charite",
                        "dc-1",
                        BUNDLE.digest(),
                        PackageFormat.CRYPT4GH,
                        "k-charite-2026",
                        70000,
                        sha,
                        70180,
                        sha,
                        sha,
                        sha,
                        "gw-2026-11",
                        T.plusSeconds(86400 * 30)),
                new PackageHeld(TRANSFER, "p-lakeside", "dc-1", "partner has no key valid today"),
                new PackageFetched(TRANSFER, "pk-1", "p-charite", 0, 70180, true),
                new PackageAcknowledged(TRANSFER, "pk-1", "p-charite", sha, sha, true),
                new PackageExpired(TRANSFER, "pk-1", "p-charite"),
                new PackageWithdrawn(TRANSFER, "pk-1", "p-charite", "dc-2", "licence revoked"),
                new PackageAccessDenied(TRANSFER, "pk-1", "p-charite", "p-broad"),
                new SealingRefused(TRANSFER, "p-tehran", "dc-3", List.of("EMBARGOED_DESTINATION"), "hard stop"),
                new LicenceApplied(
                        "la-1",
                        "LIC-A-1",
                        "i-umcu",
                        "p-broad",
                        "US",
                        List.of(Category.HUMAN_INDIVIDUAL),
                        request().purpose(),
                        request().endUsers(),
                        50_000_000_000L,
                        20L,
                        LocalDate.parse("2027-01-01"),
                        LocalDate.parse("2027-12-31"),
                        RiskLevel.HIGH,
                        2,
                        T.plusSeconds(86400 * 20)),
                new LicenceApplicationVoteCast("la-1", Vote.APPROVE, "End use verified with the partner.", false),
                new LicenceApplicationEscalated("la-1", T, T.plusSeconds(86400 * 5), "senior-reviewer"),
                new LicenceApplicationDecided(
                        "la-1",
                        ApplicationOutcome.GRANTED,
                        "i-umcu",
                        "p-broad",
                        "US",
                        "LIC-A-1",
                        new LicenceTerms(
                                LocalDate.parse("2027-01-01"),
                                LocalDate.parse("2027-06-30"),
                                10_000_000_000L,
                                5L,
                                true,
                                30,
                                List.of("no onward transfer")),
                        List.of(),
                        T,
                        T.plusSeconds(86400 * 20),
                        false),
                new PolicyBundleActivated(BUNDLE, null, 24, 40),
                new LicenceChanged(
                        "LIC-2025-0042",
                        ChangeKind.CREATED,
                        "INDIVIDUAL",
                        "ACTIVE",
                        "i-umcu",
                        LocalDate.parse("2025-03-01"),
                        LocalDate.parse("2030-12-31")),
                new ReferenceDataChanged(
                        ReferenceDataChanged.DSA, "DSA-CHARITE-2024", ChangeKind.UPDATED, "terminated"),
                new ScreeningListLoaded("consolidated", 3012, "sha256:" + sha, null),
                new PartnerUpdated(
                        "p-charite",
                        "Charite - Universitaetsmedizin Berlin",
                        "DE",
                        PartnerStatus.ACTIVE,
                        null,
                        ProfitStatus.NOT_FOR_PROFIT,
                        false,
                        PackageFormat.CRYPT4GH,
                        List.of(new PartnerKey(
                                "k-charite-2026",
                                PackageFormat.CRYPT4GH,
                                "sha256:" + sha,
                                LocalDate.parse("2026-01-01"),
                                LocalDate.parse("2031-12-31")))),
                new AccessDenied(
                        "gateway", 403, "GET", "/api/v1/partner/packages", "10.0.0.7", "role partner required"),
                new SecurityAlert(
                        "al-1",
                        "repeated-denials",
                        Severity.HIGH,
                        "5 denials for i-umcu within 1h",
                        List.of(3L, 9L, 12L),
                        Map.of("institution", "i-umcu"),
                        T.minusSeconds(3600),
                        T),
                new CheckpointSigned(
                        "sluice.example/audit",
                        42,
                        "qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=",
                        T,
                        "audit-2026",
                        "sluice.example/audit\n42\nqUiQ...\n\n— audit-2026 AbCd\n",
                        40));
    }

    /** A sample event around a sample data record. */
    public static Event<?> event(EventData data) {
        Principal actor = new Principal("anna@umcu", List.of("submitter"), "i-umcu", null);
        return new Event<>("0f8fad5b-d9cb-469f-a165-70867728950e", "/sluice/test", T, actor, 1, data);
    }
}
