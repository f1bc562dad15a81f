package org.sluice.policy.licence.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.Vote;
import org.sluice.events.schema.Violation;

/**
 * An officer's vote as posted.
 *
 * @param vote APPROVE or DENY
 * @param justification why (required, not blank)
 * @param terms the terms an approval grants (optional: a later approval agrees to the standing ones)
 */
public record VoteForm(String vote, String justification, TermsForm terms) {

    /**
     * Terms as posted.
     *
     * @param validFrom first valid day
     * @param validUntil last valid day
     * @param quotaBytes bytes, optional, at least 1
     * @param quotaTransfers transfers, optional, at least 1
     * @param postShipmentVerification whether transfers under it must be verified after shipment
     * @param verificationDays days for that verification (required with it), at least 1
     * @param conditions further conditions in words (each not blank)
     */
    public record TermsForm(
            String validFrom,
            String validUntil,
            Long quotaBytes,
            Long quotaTransfers,
            Boolean postShipmentVerification,
            Integer verificationDays,
            List<String> conditions) {}

    /** Every field that breaks the contract; empty when the vote is valid. */
    public List<Violation> validate() {
        List<Violation> errors = new ArrayList<>();
        if (vote == null) {
            errors.add(new Violation("vote", "required", "vote must be APPROVE or DENY"));
        } else if (parsedVote() == null) {
            errors.add(new Violation("vote", "enum", "vote must be APPROVE or DENY"));
        }
        ApplicationForm.text("justification", justification, 4000, errors);
        if (terms != null) {
            LocalDate from = ApplicationForm.date("terms.validFrom", terms.validFrom(), errors);
            LocalDate until = ApplicationForm.date("terms.validUntil", terms.validUntil(), errors);
            if (from != null && until != null && until.isBefore(from)) {
                errors.add(new Violation("terms.validUntil", "afterValidFrom", "validUntil is before validFrom"));
            }
            ApplicationForm.quota("terms.quotaBytes", terms.quotaBytes(), errors);
            ApplicationForm.quota("terms.quotaTransfers", terms.quotaTransfers(), errors);
            if (terms.verificationDays() != null && terms.verificationDays() < 1) {
                errors.add(new Violation("terms.verificationDays", "minimum", "verificationDays must be at least 1"));
            }
            if (Boolean.TRUE.equals(terms.postShipmentVerification()) && terms.verificationDays() == null) {
                errors.add(new Violation(
                        "terms.verificationDays", "required", "post-shipment verification needs verificationDays"));
            }
            List<String> conditions = terms.conditions() == null ? List.of() : terms.conditions();
            for (int i = 0; i < conditions.size(); i++) {
                ApplicationForm.text("terms.conditions[" + i + "]", conditions.get(i), 2000, errors);
            }
        }
        return errors;
    }

    /** The vote; null when it is not APPROVE or DENY. */
    public Vote parsedVote() {
        try {
            return vote == null ? null : Vote.valueOf(vote);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The terms as the event contract has them, null when none were posted; call after {@link #validate}. */
    public LicenceTerms licenceTerms() {
        if (terms == null) {
            return null;
        }
        return new LicenceTerms(
                LocalDate.parse(terms.validFrom()),
                LocalDate.parse(terms.validUntil()),
                terms.quotaBytes(),
                terms.quotaTransfers(),
                Boolean.TRUE.equals(terms.postShipmentVerification()),
                terms.verificationDays(),
                terms.conditions() == null
                        ? List.of()
                        : terms.conditions().stream().map(String::strip).toList());
    }
}
