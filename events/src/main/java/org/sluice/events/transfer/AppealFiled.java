package org.sluice.events.transfer;

import org.sluice.events.EventData;

/**
 * The submitter appeals a denial; policy opens an appeal review that an earlier decider may not decide.
 *
 * @param transferId the transfer
 * @param appealId the appeal
 * @param institutionId the submitting institution
 * @param decisionId the denial appealed against
 * @param statement the submitter's statement
 */
public record AppealFiled(String transferId, String appealId, String institutionId, String decisionId, String statement)
        implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
