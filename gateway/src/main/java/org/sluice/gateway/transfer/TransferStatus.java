package org.sluice.gateway.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import org.sluice.gateway.sealing.PackageRepository;
import org.sluice.gateway.sealing.PackageView;
import org.sluice.platform.problem.ProblemException;

/** Reads the status projection for submitters: only their institution's transfers exist for them. */
@ApplicationScoped
public class TransferStatus {

    private final TransferRepository transfers;
    private final PackageRepository packages;

    public TransferStatus(TransferRepository transfers, PackageRepository packages) {
        this.transfers = transfers;
        this.packages = packages;
    }

    /** One of the institution's transfers; 404 for any other id. */
    public TransferRecord owned(String transferId, String institution) {
        return transfers
                .find(transferId)
                .filter(t -> t.institutionId().equals(institution))
                .orElseThrow(() -> ProblemException.notFound("transfer " + transferId));
    }

    /** The full view of one of the institution's transfers. */
    public TransferView view(String transferId, String institution) {
        TransferRecord t = owned(transferId, institution);
        return new TransferView(
                t.id(),
                t.institutionId(),
                t.state(),
                t.createdAt(),
                t.updatedAt(),
                t.request(),
                t.decision() == null ? null : DecisionView.of(t.decision(), t.decidedAt()),
                transfers.history(t.id()),
                packages.ofTransfer(t.id()).map(PackageView::of).orElse(null));
    }
}
