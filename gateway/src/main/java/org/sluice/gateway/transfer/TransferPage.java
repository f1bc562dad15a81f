package org.sluice.gateway.transfer;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * A page of the institution's transfers, newest first.
 *
 * @param items the transfers of this page
 * @param next pass as {@code after} for the next page; null on the last page
 */
public record TransferPage(
        List<TransferSummary> items, @Nullable String next) {}
