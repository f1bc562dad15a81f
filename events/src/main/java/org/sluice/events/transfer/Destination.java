package org.sluice.events.transfer;

import org.sluice.events.schema.SchemaField;

/**
 * Where the data goes.
 *
 * @param partnerId the receiving partner's registry id
 * @param country the partner's ISO 3166-1 alpha-2 country (must equal the registered one)
 */
public record Destination(
        @SchemaField(pattern = "^[a-z0-9][a-z0-9-]{0,63}$") String partnerId,
        @SchemaField(pattern = "^[A-Z]{2}$") String country) {}
