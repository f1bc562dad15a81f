package org.sluice.events.policy;

/** What happened to a record of reference data. */
public enum ChangeKind {
    CREATED,
    UPDATED,
    REVOKED,
    DELETED
}
