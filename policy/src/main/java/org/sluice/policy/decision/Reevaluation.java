package org.sluice.policy.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.sluice.events.Principal;
import org.sluice.events.decision.TransferDecided;

/**
 * Re-decides open transfers (not cancelled, fetched or acknowledged) after an input changed: a licence,
 * a partner, an agreement or emergency, a screening list. Runs inside the transaction of the consumed
 * change event, so a crash re-runs it and the derived decision ids keep it from doubling anything.
 */
@ApplicationScoped
public class Reevaluation {

    private static final Logger LOG = Logger.getLogger(Reevaluation.class);

    private final Transfers transfers;
    private final DecisionService decisions;

    public Reevaluation(Transfers transfers, DecisionService decisions) {
        this.transfers = transfers;
        this.decisions = decisions;
    }

    /** Re-decides every open transfer; returns the decisions that changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TransferDecided> ofAll(String trigger, Principal actor) {
        return run(transfers.open(), trigger, actor);
    }

    /** Re-decides the open transfers to one partner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TransferDecided> ofPartner(String partnerId, String trigger, Principal actor) {
        return run(transfers.openTo(partnerId), trigger, actor);
    }

    private List<TransferDecided> run(List<String> ids, String trigger, Principal actor) {
        List<TransferDecided> changed = new ArrayList<>();
        transfers.lockAll(ids); // every row before any licence: see Transfers.lockAll
        for (String id : ids) {
            decisions.reevaluate(id, trigger, actor).ifPresent(changed::add);
        }
        if (!changed.isEmpty()) {
            LOG.infof("%s changed %d of %d open decisions", trigger, changed.size(), ids.size());
        }
        return changed;
    }
}
