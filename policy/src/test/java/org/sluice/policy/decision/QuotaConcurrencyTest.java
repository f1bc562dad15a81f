package org.sluice.policy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;

/** Licence quota is never over-consumed, however many approvals race for it. */
@QuarkusTest
class QuotaConcurrencyTest {

    @Inject
    DecisionService decisions;

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void fiftyConcurrentApprovalsAgainstAQuotaOfTenApproveExactlyTen() throws Exception {
        World.putLicence("LIC-TEST-QUOTA10", "INDIVIDUAL", 10, java.time.LocalDate.parse("2030-12-31"), false);
        TransferRequest request = Scenarios.citing(Scenarios.named("P28").typedRequest(), List.of("LIC-TEST-QUOTA10"));

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TransferDecided>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String transferId = "tr-quota-" + i + "-" + UUID.randomUUID();
            Callable<TransferDecided> decide = () -> {
                start.await();
                return QuarkusTransaction.requiringNew()
                        .call(() -> decisions
                                .onRequested(
                                        UUID.randomUUID().toString(),
                                        new TransferRequested(transferId, "i-rivm", request))
                                .orElseThrow());
            };
            results.add(pool.submit(decide));
        }
        start.countDown();
        List<TransferDecided> decided = new ArrayList<>();
        for (Future<TransferDecided> f : results) {
            decided.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(decided.stream().filter(d -> d.outcome() == Outcome.APPROVE)).hasSize(10);
        assertThat(decided.stream().filter(d -> d.outcome() == Outcome.DENY))
                .hasSize(40)
                .allMatch(d -> d.codes().contains("LICENCE_QUOTA_EXCEEDED"));
        assertThat(World.count("SELECT used_transfers FROM policy.licences WHERE licence_id = 'LIC-TEST-QUOTA10'"))
                .isEqualTo(10);
        assertThat(World.count("SELECT count(*) FROM policy.quota_charges WHERE licence_id = 'LIC-TEST-QUOTA10'"))
                .isEqualTo(10);
    }
}
