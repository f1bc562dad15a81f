package org.sluice.events.policy;

import org.sluice.events.EventData;

/**
 * Other reference data the rules read changed: a data-sharing agreement, an emergency declaration,
 * an institution's record, a reviewer's screening adjudication.
 *
 * @param kind {@code DSA}, {@code EMERGENCY}, {@code INSTITUTION} or {@code ADJUDICATION}
 * @param id the record's id
 * @param change what happened
 * @param summary a one-line human summary
 */
public record ReferenceDataChanged(String kind, String id, ChangeKind change, String summary) implements EventData {
    public static final String DSA = "DSA";
    public static final String EMERGENCY = "EMERGENCY";
    public static final String INSTITUTION = "INSTITUTION";
    public static final String ADJUDICATION = "ADJUDICATION";

    @Override
    public String subject() {
        return id;
    }
}
