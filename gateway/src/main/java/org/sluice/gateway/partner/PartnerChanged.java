package org.sluice.gateway.partner;

/**
 * Fired (synchronously, inside the registry's transaction) when a partner's entry changed, so that what
 * waits for the partner, such as packages held for want of a valid key, can proceed.
 *
 * @param partnerId the partner
 */
public record PartnerChanged(String partnerId) {}
