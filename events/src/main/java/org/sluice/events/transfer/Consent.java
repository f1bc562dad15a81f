package org.sluice.events.transfer;

import java.util.List;
import org.sluice.events.schema.SchemaField;

/**
 * The consent the dataset's subjects gave, as GA4GH Data Use Ontology codes.
 *
 * @param duo DUO codes, e.g. {@code DUO:0000007}
 * @param diseases MONDO ids the disease-specific consent covers
 * @param countries ISO 3166-1 alpha-2 countries a geographic restriction allows
 */
public record Consent(
        @SchemaField(itemPattern = "^DUO:[0-9]{7}$", maxItems = 50)
        List<String> duo,

        @SchemaField(itemPattern = "^[A-Za-z][A-Za-z0-9_]*:[A-Za-z0-9_.-]+$", maxItems = 100)
        List<String> diseases,

        @SchemaField(itemPattern = "^[A-Z]{2}$", maxItems = 300)
        List<String> countries) {
    public Consent {
        duo = duo == null ? List.of() : List.copyOf(duo);
        diseases = diseases == null ? List.of() : List.copyOf(diseases);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
