package org.sluice.events.policy;

import jakarta.annotation.Nullable;
import org.sluice.events.EventData;

/**
 * A denied-party screening list was (re)loaded; transfers not yet fetched are screened again.
 *
 * @param listId the list's id, e.g. {@code consolidated}
 * @param entries number of entries
 * @param digest {@code sha256:<hex>} of the loaded file
 * @param previousDigest digest of the list it replaced, if any
 */
public record ScreeningListLoaded(
        String listId, int entries, String digest, @Nullable String previousDigest) implements EventData {
    @Override
    public String subject() {
        return listId;
    }
}
