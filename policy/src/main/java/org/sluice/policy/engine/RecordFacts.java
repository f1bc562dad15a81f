package org.sluice.policy.engine;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.partner.PartnerSnapshot;
import org.sluice.policy.screening.ScreeningHit;
import org.sluice.policy.world.Dsa;
import org.sluice.policy.world.Emergency;
import org.sluice.policy.world.Licence;

/**
 * The facts of the compiled path: the same values as {@link Facts}, each record a {@link FactRecord} of a
 * shape fixed here instead of a hash map built per decision.
 */
final class RecordFacts {

    private static final FactRecord.Shape CONSENT = new FactRecord.Shape("duo", "diseases", "countries");
    private static final FactRecord.Shape DATASET =
            new FactRecord.Shape("id", "title", "category", "subjects", "format", "consent");
    private static final FactRecord.Shape PURPOSE = new FactRecord.Shape("duo", "disease", "commercial", "description");
    private static final FactRecord.Shape END_USER = new FactRecord.Shape("name", "organisation", "country");
    private static final FactRecord.Shape DESTINATION = new FactRecord.Shape("partnerId", "country");
    private static final FactRecord.Shape PAYLOAD = new FactRecord.Shape("sizeBytes", "sha256");
    private static final FactRecord.Shape REQUEST = new FactRecord.Shape(
            "dataset",
            "purpose",
            "destination",
            "endUsers",
            "licenceIds",
            "dsaId",
            "ethicsApprovalId",
            "basis",
            "payload");
    private static final FactRecord.Shape PARTNER = new FactRecord.Shape(
            "known", "id", "institution", "country", "status", "profitStatus", "adequacyCovered", "keyValidUntil");
    private static final FactRecord.Shape INSTITUTION =
            new FactRecord.Shape("id", "typicalTransferBytes", "completedTransfersToPartner");
    private static final FactRecord.Shape LICENCE = new FactRecord.Shape(
            "id",
            "known",
            "type",
            "status",
            "holder",
            "categories",
            "destinations",
            "validFrom",
            "validUntil",
            "hasByteQuota",
            "bytesLeft",
            "hasTransferQuota",
            "transfersLeft",
            "postShipmentVerification",
            "verificationDays");
    private static final FactRecord.Shape DSA = new FactRecord.Shape(
            "known", "id", "partner", "institution", "status", "categories", "validFrom", "validUntil");
    private static final FactRecord.Shape EMERGENCY = new FactRecord.Shape(
            "id",
            "validFrom",
            "sunset",
            "categories",
            "diseases",
            "partners",
            "postShipmentVerification",
            "verificationDays");
    private static final FactRecord.Shape HIT = new FactRecord.Shape(
            "matchClass", "entryId", "listId", "score", "screenedName", "listedName", "role", "relation");

    private RecordFacts() {}

    /** One variable of the {@link Vocabulary}, as {@link Facts#value} builds it but with records. */
    static Object value(
            String name, DecisionInputs in, Map<String, List<String>> tables, Map<String, Long> thresholds) {
        TransferRequest r = in.request();
        return switch (name) {
            case "request" -> request(r);
            case "category" -> r.dataset().category().name();
            case "subjects" -> r.dataset().subjects();
            case "sizeBytes" -> r.payload().sizeBytes();
            case "basis" -> r.basis().name();
            case "countries" -> Facts.countriesConcerned(r, in.partner());
            case "home" -> in.home();
            case "today" -> date(LocalDate.ofInstant(in.evaluatedAt(), ZoneOffset.UTC));
            case "tables" -> tables;
            case "thresholds" -> thresholds;
            case "partner" -> partner(in.partner(), r.destination().partnerId());
            case "institution" ->
                INSTITUTION.of(in.institutionId(), in.typicalTransferBytes(), in.completedTransfersToPartner());
            case "licences" -> citedLicences(r.licenceIds(), in.citedLicences(), tables);
            case "generalLicences" -> each(in.generalLicences(), l -> licence(l, tables));
            case "dsa" -> dsa(in.dsa(), r.dsaId());
            case "emergencies" -> each(in.emergencies(), RecordFacts::emergency);
            case "screening" -> each(in.screening(), RecordFacts::hit);
            default -> throw new IllegalArgumentException("not a variable of the vocabulary: " + name);
        };
    }

    /** {@link LocalDate#toString}, without its general formatting for the years 1000 to 9999. */
    static String date(LocalDate d) {
        int y = d.getYear();
        if (y < 1000 || y > 9999) {
            return d.toString();
        }
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        byte[] b = {
            digit(y / 1000),
            digit(y / 100 % 10),
            digit(y / 10 % 10),
            digit(y % 10),
            '-',
            digit(m / 10),
            digit(m % 10),
            '-',
            digit(day / 10),
            digit(day % 10)
        };
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static byte digit(int d) {
        return (byte) ('0' + d);
    }

    private static <T> List<Object> each(List<T> items, Function<T, FactRecord> record) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Object> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(record.apply(item));
        }
        return out;
    }

    private static FactRecord partner(PartnerSnapshot p, String requestedId) {
        if (p == null) {
            return PARTNER.of(false, requestedId, "", "", "", "", false, "");
        }
        return PARTNER.of(
                true,
                p.id(),
                p.institution(),
                p.country(),
                p.status(),
                p.profitStatus(),
                p.adequacyCovered(),
                p.keyValidUntil() == null ? "" : date(p.keyValidUntil()));
    }

    private static List<Object> citedLicences(List<String> ids, List<Licence> known, Map<String, List<String>> tables) {
        List<Object> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(cited(id, known, tables));
        }
        return out;
    }

    private static FactRecord cited(String id, List<Licence> known, Map<String, List<String>> tables) {
        for (Licence l : known) {
            if (l.id().equals(id)) {
                return licence(l, tables);
            }
        }
        return LICENCE.of(id, false, "", "", "", List.of(), List.of(), "", "", false, 0L, false, 0L, false, 0L);
    }

    private static FactRecord licence(Licence l, Map<String, List<String>> tables) {
        return LICENCE.of(
                l.id(),
                true,
                l.type(),
                l.status(),
                l.holder(),
                l.categories(),
                l.destinationGroup() == null ? l.destinations() : tables.getOrDefault(l.destinationGroup(), List.of()),
                date(l.validFrom()),
                date(l.validUntil()),
                l.quotaBytes() != null,
                l.quotaBytes() == null ? 0L : l.quotaBytes() - l.usedBytes(),
                l.quotaTransfers() != null,
                l.quotaTransfers() == null ? 0L : l.quotaTransfers() - l.usedTransfers(),
                l.postShipmentVerification(),
                l.verificationDays() == null ? 0L : (long) l.verificationDays());
    }

    private static FactRecord dsa(Dsa d, String citedId) {
        if (d == null) {
            return DSA.of(false, citedId == null ? "" : citedId, "", "", "", List.of(), "", "");
        }
        return DSA.of(
                true,
                d.id(),
                d.partner(),
                d.institution(),
                d.status(),
                d.categories(),
                date(d.validFrom()),
                date(d.validUntil()));
    }

    private static FactRecord emergency(Emergency e) {
        return EMERGENCY.of(
                e.id(),
                date(e.validFrom()),
                date(e.sunset()),
                e.categories(),
                e.diseases(),
                e.partners(),
                e.postShipmentVerification(),
                e.verificationDays() == null ? 0L : (long) e.verificationDays());
    }

    private static FactRecord hit(ScreeningHit h) {
        return HIT.of(
                h.matchClass(),
                h.entryId(),
                h.listId(),
                h.score(),
                h.screenedName(),
                h.listedName(),
                h.role(),
                h.relation());
    }

    private static FactRecord request(TransferRequest r) {
        var d = r.dataset();
        var c = d.consent();
        var p = r.purpose();
        List<Object> endUsers = new ArrayList<>(r.endUsers().size());
        for (EndUser u : r.endUsers()) {
            endUsers.add(END_USER.of(u.name(), u.organisation(), u.country()));
        }
        return REQUEST.of(
                DATASET.of(
                        d.id(),
                        d.title(),
                        d.category().name(),
                        d.subjects(),
                        d.format(),
                        CONSENT.of(c.duo(), c.diseases(), c.countries())),
                PURPOSE.of(p.duo(), Facts.orNull(p.disease()), p.commercial(), p.description()),
                DESTINATION.of(r.destination().partnerId(), r.destination().country()),
                endUsers,
                r.licenceIds(),
                Facts.orNull(r.dsaId()),
                Facts.orNull(r.ethicsApprovalId()),
                r.basis().name(),
                PAYLOAD.of(r.payload().sizeBytes(), r.payload().sha256()));
    }
}
