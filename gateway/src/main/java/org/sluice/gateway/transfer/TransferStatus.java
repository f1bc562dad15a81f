package org.sluice.gateway.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sluice.gateway.review.AppealRepository;
import org.sluice.gateway.review.AppealView;
import org.sluice.gateway.review.ReviewRepository;
import org.sluice.gateway.review.ReviewView;
import org.sluice.gateway.sealing.PackageRepository;
import org.sluice.gateway.sealing.PackageView;
import org.sluice.platform.problem.ProblemException;

/** Reads the status projection for submitters: only their institution's transfers exist for them. */
@ApplicationScoped
public class TransferStatus {

    private final TransferRepository transfers;
    private final PackageRepository packages;
    private final ReviewRepository reviews;
    private final AppealRepository appeals;
    private final Clock clock;

    public TransferStatus(
            TransferRepository transfers,
            PackageRepository packages,
            ReviewRepository reviews,
            AppealRepository appeals,
            Clock clock) {
        this.transfers = transfers;
        this.packages = packages;
        this.reviews = reviews;
        this.appeals = appeals;
        this.clock = clock;
    }

    /** One of the institution's transfers; 404 for any other id. */
    public TransferRecord owned(String transferId, String institution) {
        return transfers
                .find(transferId)
                .filter(t -> t.institutionId().equals(institution))
                .orElseThrow(() -> ProblemException.notFound("transfer " + transferId));
    }

    /** A page of the institution's transfers matching the filter, newest first. */
    public TransferPage list(String institution, TransferFilter filter) {
        List<TransferRecord> found = transfers.list(institution, filter);
        boolean more = found.size() > filter.limit();
        List<TransferRecord> page = more ? found.subList(0, filter.limit()) : found;
        TransferRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new TransferPage(
                page.stream().map(TransferSummary::of).toList(),
                more ? new TransferFilter.Cursor(last.createdAt(), last.id()).encode() : null);
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
                packages.ofTransfer(t.id()).map(PackageView::of).orElse(null),
                review(t).orElse(null),
                appeals.latest(t.id()).map(AppealView::of).orElse(null),
                transfers.refusal(t.id()).orElse(null));
    }

    /** The open review case of a transfer that is IN_REVIEW, as of now. */
    public Optional<ReviewView> review(TransferRecord t) {
        return t.state() == TransferState.IN_REVIEW
                ? reviews.open(t.id()).map(r -> ReviewView.of(r, clock.instant()))
                : Optional.empty();
    }
}
