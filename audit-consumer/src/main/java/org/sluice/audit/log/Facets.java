package org.sluice.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What an entry is about, derived from its event's data when it is appended, so queries, alert rules
 * and reports read indexed columns instead of parsing every entry. Derived from field names rather
 * than types, so events of types this version does not know get facets too.
 *
 * @param transferId the transfer ({@code transferId})
 * @param institution the submitting institution ({@code institutionId})
 * @param partner the destination partner ({@code partnerId}, the request's destination, or the addressee)
 * @param country the destination country ({@code destinationCountry}, the request's destination, or a
 *     partner's registered {@code country})
 * @param outcome a decision's outcome
 * @param category the data category (the decision's, or the request's dataset's)
 * @param reasonCodes the codes of a decision's or review's reasons
 */
public record Facets(
        String transferId,
        String institution,
        String partner,
        String country,
        String outcome,
        String category,
        List<String> reasonCodes) {

    public Facets {
        reasonCodes = List.copyOf(reasonCodes);
    }

    /** The facets of an event's data. */
    public static Facets of(JsonNode data) {
        return new Facets(
                text(data, "/transferId"),
                text(data, "/institutionId"),
                first(data, "/partnerId", "/request/destination/partnerId", "/addresseePartnerId"),
                first(data, "/destinationCountry", "/request/destination/country", "/country"),
                text(data, "/outcome"),
                first(data, "/category", "/request/dataset/category"),
                reasonCodes(data));
    }

    private static String first(JsonNode data, String... pointers) {
        for (String pointer : pointers) {
            String value = text(data, pointer);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode data, String pointer) {
        JsonNode value = data.at(pointer);
        return value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }

    private static List<String> reasonCodes(JsonNode data) {
        List<String> codes = new ArrayList<>();
        for (JsonNode reason : data.path("reasons")) {
            String code = text(reason, "/code");
            if (code != null && !codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }
}
