package org.sluice.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.sluice.events.Event;
import org.sluice.events.EventData;
import org.sluice.events.Principal;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.delivery.PackageSealed;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.TransferCancelled;

/** Events as the other services publish them, for the audit consumer's tests. */
public final class AuditEvents {

    public static final Principal SUBMITTER = new Principal("anna@i-umcu", List.of("submitter"), "i-umcu", null);
    public static final Principal ENGINE = Principal.system("policy");
    static final BundleRef BUNDLE = new BundleRef("default", "2026.11.1", "sha256:" + "ab".repeat(32));

    private AuditEvents() {}

    public static <T extends EventData> Event<T> event(Principal actor, T data) {
        return Event.of("/sluice/test", actor, data, Clock.systemUTC());
    }

    public static <T extends EventData> Event<T> eventAt(Instant time, Principal actor, T data) {
        return Event.of("/sluice/test", actor, data, Clock.fixed(time, java.time.ZoneOffset.UTC));
    }

    public static TransferDecided decided(
            String transferId, String institution, String country, Outcome outcome, String... codes) {
        return decided(transferId, institution, country, outcome, DecisionSource.ENGINE, codes);
    }

    public static TransferDecided decided(
            String transferId,
            String institution,
            String country,
            Outcome outcome,
            DecisionSource source,
            String... codes) {
        List<Reason> reasons = Arrays.stream(codes)
                .map(code -> new Reason(
                        code,
                        "rule." + code.toLowerCase(java.util.Locale.ROOT),
                        code,
                        outcome,
                        "citation",
                        "why",
                        "fix",
                        List.of(),
                        overrideOf(code)))
                .toList();
        return new TransferDecided(
                transferId,
                "dec-" + java.util.UUID.randomUUID(),
                institution,
                "p-" + country.toLowerCase(java.util.Locale.ROOT),
                country,
                Category.HUMAN_INDIVIDUAL,
                outcome,
                reasons,
                List.of(),
                BUNDLE,
                source,
                null,
                null,
                null,
                List.of(),
                0);
    }

    /** The override class the default bundle gives a reason code (hard stops NONE). */
    public static OverrideClass overrideOf(String code) {
        return switch (code) {
            case "EMBARGOED_DESTINATION",
                    "COUNTRY_OF_CONCERN_BULK",
                    "DENIED_PARTY",
                    "PARTNER_UNKNOWN",
                    "PARTNER_SUSPENDED",
                    "PARTNER_KEY_EXPIRED" -> OverrideClass.NONE;
            case "LICENCE_REQUIRED",
                    "LICENCE_INVALID",
                    "LICENCE_QUOTA_EXCEEDED",
                    "CONSENT_MISMATCH",
                    "ETHICS_APPROVAL_REQUIRED",
                    "DSA_REQUIRED",
                    "POSSIBLE_DENIED_PARTY",
                    "HUMANITARIAN_EXEMPTION" -> OverrideClass.FOUR_EYES;
            default -> OverrideClass.ONE_REVIEWER;
        };
    }

    public static TransferCancelled cancelled(String transferId) {
        return new TransferCancelled(transferId, "i-umcu", "changed our minds");
    }

    public static PackageSealed sealed(String transferId, String partnerId) {
        return new PackageSealed(
                transferId,
                "pkg-" + transferId,
                partnerId,
                "dec-1",
                BUNDLE.digest(),
                PackageFormat.CRYPT4GH,
                "key-1",
                1024,
                "aa".repeat(32),
                1124,
                "bb".repeat(32),
                "cc".repeat(32),
                "dd".repeat(32),
                "ed25519:0011223344556677",
                Instant.parse("2030-01-01T00:00:00Z"));
    }
}
