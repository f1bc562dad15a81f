package org.sluice.policy.engine;

import dev.cel.common.values.NullValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.policy.partner.PartnerSnapshot;
import org.sluice.policy.screening.ScreeningHit;
import org.sluice.policy.world.Dsa;
import org.sluice.policy.world.Emergency;
import org.sluice.policy.world.Licence;

/**
 * Turns the inputs of a decision into the values of the {@link Vocabulary}: plain maps, lists, strings,
 * longs and booleans as CEL reads them. Mechanical only: what the facts mean is the bundle's business.
 * These are the interpreter's facts; the compiled path reads the same values as {@link RecordFacts}.
 */
public final class Facts {

    private Facts() {}

    /**
     * The activation of one evaluation.
     *
     * @param tables the bundle's list tables (a general licence's {@code destinationGroup} names one)
     * @param thresholds the bundle's numeric thresholds
     */
    public static Map<String, Object> of(
            DecisionInputs in, Map<String, List<String>> tables, Map<String, Long> thresholds) {
        Map<String, Object> f = new HashMap<>();
        for (String name : Vocabulary.VARIABLES.keySet()) {
            f.put(name, value(name, in, tables, thresholds));
        }
        return f;
    }

    /** One variable of the {@link Vocabulary}, built alone (the compiled path builds only what it reads). */
    static Object value(
            String name, DecisionInputs in, Map<String, List<String>> tables, Map<String, Long> thresholds) {
        TransferRequest r = in.request();
        return switch (name) {
            case "request" -> request(r);
            case "category" -> r.dataset().category().name();
            case "subjects" -> r.dataset().subjects();
            case "sizeBytes" -> r.payload().sizeBytes();
            case "basis" -> r.basis().name();
            case "countries" -> countriesConcerned(r, in.partner());
            case "home" -> in.home();
            case "today" ->
                LocalDate.ofInstant(in.evaluatedAt(), ZoneOffset.UTC).toString();
            case "tables" -> tables;
            case "thresholds" -> thresholds;
            case "partner" -> partner(in.partner(), r.destination().partnerId());
            case "institution" ->
                Map.of(
                        "id", in.institutionId(),
                        "typicalTransferBytes", in.typicalTransferBytes(),
                        "completedTransfersToPartner", in.completedTransfersToPartner());
            case "licences" -> citedLicences(r.licenceIds(), in.citedLicences(), tables);
            case "generalLicences" ->
                in.generalLicences().stream().map(l -> licence(l, tables)).toList();
            case "dsa" -> dsa(in.dsa(), r.dsaId());
            case "emergencies" ->
                in.emergencies().stream().map(Facts::emergency).toList();
            case "screening" -> in.screening().stream().map(Facts::hit).toList();
            default -> throw new IllegalArgumentException("not a variable of the vocabulary: " + name);
        };
    }

    /** The destination, the partner's registered country and every end user's country, without repeats. */
    public static List<String> countriesConcerned(TransferRequest r, PartnerSnapshot partner) {
        // a list, not a set: a request concerns a handful of countries
        List<String> countries = new ArrayList<>(2 + r.endUsers().size());
        countries.add(r.destination().country());
        if (partner != null) {
            addNew(countries, partner.country());
        }
        for (EndUser u : r.endUsers()) {
            addNew(countries, u.country());
        }
        return List.copyOf(countries);
    }

    private static void addNew(List<String> countries, String country) {
        if (!countries.contains(country)) {
            countries.add(country);
        }
    }

    private static Map<String, Object> partner(PartnerSnapshot p, String requestedId) {
        Map<String, Object> m = new HashMap<>();
        m.put("known", p != null);
        m.put("id", p == null ? requestedId : p.id());
        m.put("institution", p == null ? "" : p.institution());
        m.put("country", p == null ? "" : p.country());
        m.put("status", p == null ? "" : p.status());
        m.put("profitStatus", p == null ? "" : p.profitStatus());
        m.put("adequacyCovered", p != null && p.adequacyCovered());
        m.put(
                "keyValidUntil",
                p == null || p.keyValidUntil() == null ? "" : p.keyValidUntil().toString());
        return m;
    }

    private static List<Map<String, Object>> citedLicences(
            List<String> ids, List<Licence> known, Map<String, List<String>> tables) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ids) {
            out.add(known.stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .map(l -> licence(l, tables))
                    .orElseGet(() -> unknownLicence(id)));
        }
        return out;
    }

    private static Map<String, Object> licence(Licence l, Map<String, List<String>> tables) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", l.id());
        m.put("known", true);
        m.put("type", l.type());
        m.put("status", l.status());
        m.put("holder", l.holder());
        m.put("categories", l.categories());
        m.put(
                "destinations",
                l.destinationGroup() == null ? l.destinations() : tables.getOrDefault(l.destinationGroup(), List.of()));
        m.put("validFrom", l.validFrom().toString());
        m.put("validUntil", l.validUntil().toString());
        m.put("hasByteQuota", l.quotaBytes() != null);
        m.put("bytesLeft", l.quotaBytes() == null ? 0L : l.quotaBytes() - l.usedBytes());
        m.put("hasTransferQuota", l.quotaTransfers() != null);
        m.put("transfersLeft", l.quotaTransfers() == null ? 0L : l.quotaTransfers() - l.usedTransfers());
        m.put("postShipmentVerification", l.postShipmentVerification());
        m.put("verificationDays", l.verificationDays() == null ? 0L : (long) l.verificationDays());
        return m;
    }

    private static Map<String, Object> unknownLicence(String id) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("known", false);
        m.put("type", "");
        m.put("status", "");
        m.put("holder", "");
        m.put("categories", List.of());
        m.put("destinations", List.of());
        m.put("validFrom", "");
        m.put("validUntil", "");
        m.put("hasByteQuota", false);
        m.put("bytesLeft", 0L);
        m.put("hasTransferQuota", false);
        m.put("transfersLeft", 0L);
        m.put("postShipmentVerification", false);
        m.put("verificationDays", 0L);
        return m;
    }

    private static Map<String, Object> dsa(Dsa d, String citedId) {
        Map<String, Object> m = new HashMap<>();
        m.put("known", d != null);
        m.put("id", d == null ? (citedId == null ? "" : citedId) : d.id());
        m.put("partner", d == null ? "" : d.partner());
        m.put("institution", d == null ? "" : d.institution());
        m.put("status", d == null ? "" : d.status());
        m.put("categories", d == null ? List.of() : d.categories());
        m.put("validFrom", d == null ? "" : d.validFrom().toString());
        m.put("validUntil", d == null ? "" : d.validUntil().toString());
        return m;
    }

    private static Map<String, Object> emergency(Emergency e) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", e.id());
        m.put("validFrom", e.validFrom().toString());
        m.put("sunset", e.sunset().toString());
        m.put("categories", e.categories());
        m.put("diseases", e.diseases());
        m.put("partners", e.partners());
        m.put("postShipmentVerification", e.postShipmentVerification());
        m.put("verificationDays", e.verificationDays() == null ? 0L : (long) e.verificationDays());
        return m;
    }

    private static Map<String, Object> hit(ScreeningHit h) {
        Map<String, Object> m = new HashMap<>();
        m.put("matchClass", h.matchClass());
        m.put("entryId", h.entryId());
        m.put("listId", h.listId());
        m.put("score", h.score());
        m.put("screenedName", h.screenedName());
        m.put("listedName", h.listedName());
        m.put("role", h.role());
        m.put("relation", h.relation());
        return m;
    }

    /** The request as CEL reads it: the JSON shape, absent optional values as null. */
    static Map<String, Object> request(TransferRequest r) {
        Map<String, Object> consent = new HashMap<>();
        consent.put("duo", r.dataset().consent().duo());
        consent.put("diseases", r.dataset().consent().diseases());
        consent.put("countries", r.dataset().consent().countries());
        Map<String, Object> dataset = new HashMap<>();
        dataset.put("id", r.dataset().id());
        dataset.put("title", r.dataset().title());
        dataset.put("category", r.dataset().category().name());
        dataset.put("subjects", r.dataset().subjects());
        dataset.put("format", r.dataset().format());
        dataset.put("consent", consent);
        Map<String, Object> purpose = new HashMap<>();
        purpose.put("duo", r.purpose().duo());
        purpose.put("disease", orNull(r.purpose().disease()));
        purpose.put("commercial", r.purpose().commercial());
        purpose.put("description", r.purpose().description());
        List<Map<String, Object>> endUsers = new ArrayList<>(r.endUsers().size());
        for (EndUser u : r.endUsers()) {
            endUsers.add(Map.of("name", u.name(), "organisation", u.organisation(), "country", u.country()));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("dataset", dataset);
        m.put("purpose", purpose);
        m.put(
                "destination",
                Map.of(
                        "partnerId",
                        r.destination().partnerId(),
                        "country",
                        r.destination().country()));
        m.put("endUsers", endUsers);
        m.put("licenceIds", r.licenceIds());
        m.put("dsaId", orNull(r.dsaId()));
        m.put("ethicsApprovalId", orNull(r.ethicsApprovalId()));
        m.put("basis", r.basis().name());
        m.put(
                "payload",
                Map.of(
                        "sizeBytes",
                        r.payload().sizeBytes(),
                        "sha256",
                        r.payload().sha256()));
        return m;
    }

    static Object orNull(String value) {
        return value == null ? NullValue.NULL_VALUE : value;
    }
}
