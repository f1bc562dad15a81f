package org.sluice.events.security;

/** How urgent an alert is. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
