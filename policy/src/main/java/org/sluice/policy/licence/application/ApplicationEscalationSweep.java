package org.sluice.policy.licence.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Escalates overdue pending licence applications on a schedule
 * ({@code sluice.policy.licence-applications.sweep-interval}).
 */
@ApplicationScoped
public class ApplicationEscalationSweep {

    private final LicenceApplications applications;

    public ApplicationEscalationSweep(LicenceApplications applications) {
        this.applications = applications;
    }

    @Scheduled(
            every = "${sluice.policy.licence-applications.sweep-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        applications.escalateOverdue();
    }
}
