package org.sluice.events.transfer;

import org.sluice.events.schema.SchemaField;

/**
 * A person who will use the data at the destination. Screened against denied-party lists.
 *
 * @param name full name
 * @param organisation the organisation the person acts for
 * @param country ISO 3166-1 alpha-2 country where the person uses the data
 */
public record EndUser(
        @SchemaField(minLength = 1, maxLength = 200) String name,
        @SchemaField(minLength = 1, maxLength = 300) String organisation,
        @SchemaField(pattern = "^[A-Z]{2}$") String country) {}
