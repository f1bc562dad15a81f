package org.sluice.policy.decision;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.sluice.events.decision.TransferDecided;
import org.sluice.policy.engine.DecisionInputs;

/** The review queue while none is installed: the REVIEW decision stands as published. */
@DefaultBean
@ApplicationScoped
public class NoReviewQueue implements ReviewQueue {

    private static final Logger LOG = Logger.getLogger(NoReviewQueue.class);

    @Override
    public void open(TransferDecided decision, DecisionInputs inputs) {
        LOG.debugf(
                "transfer %s awaits review (decision %s); no review queue installed",
                decision.transferId(), decision.decisionId());
    }
}
