package org.sluice.events.partner;

/** Checked against the DUO not-for-profit consent codes. */
public enum ProfitStatus {
    NOT_FOR_PROFIT,
    FOR_PROFIT
}
