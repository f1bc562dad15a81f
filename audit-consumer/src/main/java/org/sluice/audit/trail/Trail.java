package org.sluice.audit.trail;

import java.util.List;

/**
 * Everything the log recorded about one transfer, in log order.
 *
 * @param transferId the transfer
 * @param entries its events, each once
 */
public record Trail(String transferId, List<TrailEntry> entries) {}
