package org.sluice.policy.review;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the escalation of overdue review cases on a schedule ({@code sluice.policy.review.sweep-interval}). */
@ApplicationScoped
public class EscalationSweep {

    private final ReviewService reviews;

    public EscalationSweep(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Scheduled(
            every = "${sluice.policy.review.sweep-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        reviews.escalateOverdue();
    }
}
