package org.sluice.policy.licence.application;

import jakarta.annotation.Nullable;
import java.time.Instant;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.Vote;

/**
 * An officer's vote on a licence application.
 *
 * @param officer the officer's principal id
 * @param senior whether the officer held the senior-reviewer role
 * @param vote APPROVE or DENY
 * @param justification the written reasons
 * @param terms the terms an approval agreed to (the standing terms), null for a denial
 * @param castAt when
 */
public record OfficerVote(
        String officer,
        boolean senior,
        Vote vote,
        String justification,
        @Nullable LicenceTerms terms,
        Instant castAt) {}
