package org.sluice.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Random runs of requests against a bucket on a clock the test moves (each repetition its own seed, so a
 * failure is replayed by its repetition number): the bucket never admits more than burst + rate x elapsed in
 * any window (a cost over the burst counting as the burst, admitted only into a full bucket), its wait is
 * exactly when the tokens are there, and the bounded map never outgrows its maximum.
 */
class TokenBucketModelTest {

    private record Admission(long at, long cost) {}

    @RepeatedTest(200)
    void neverAdmitsMoreThanBurstPlusRateTimesElapsedAndItsWaitIsExact(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Limit limit = new Limit(1 + random.nextInt(1000), 1 + random.nextInt(50));
        long now = random.nextLong(1_000_000_000_000L);
        TokenBucket bucket = new TokenBucket(limit, now);
        List<Admission> admitted = new ArrayList<>();

        for (int step = 0; step < 300; step++) {
            now += random.nextInt(4) == 0 ? 0 : random.nextLong(50_000_000L);
            long cost = 1 + random.nextInt((int) Math.min(limit.burst() + 2, 60));
            long wait = bucket.waitNanos(cost, now);
            if (wait > 0) {
                assertThat(bucket.waitNanos(cost, now + wait - 1))
                        .as("one nanosecond before the wait is over")
                        .isEqualTo(1);
                now += wait;
                assertThat(bucket.waitNanos(cost, now))
                        .as("when the wait is over")
                        .isZero();
            }
            if (cost > limit.burst()) {
                assertThat(bucket.isFull(now))
                        .as("a cost over the burst waits for a full bucket")
                        .isTrue();
            }
            bucket.take(cost, now);
            admitted.add(new Admission(now, bucket.charged(cost)));
        }

        for (int i = 0; i < admitted.size(); i++) {
            long sum = 0;
            for (int j = i; j < admitted.size(); j++) {
                sum += admitted.get(j).cost();
                long elapsed = admitted.get(j).at() - admitted.get(i).at();
                assertThat(sum * TokenBucket.SCALE)
                        .as("admitted in [%d, %d]", i, j)
                        .isLessThanOrEqualTo(limit.burst() * TokenBucket.SCALE + limit.rate() * elapsed);
            }
        }
    }

    @RepeatedTest(50)
    void theBoundedMapNeverExceedsItsMaximum(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int max = 1 + random.nextInt(20);
        BoundedBuckets buckets = new BoundedBuckets(max);
        Limit limit = new Limit(10, 5);
        long now = 0;
        for (int step = 0; step < 2000; step++) {
            now += random.nextLong(10_000_000L);
            TokenBucket bucket = buckets.get("p" + random.nextInt(100), limit, now);
            if (bucket.waitNanos(1, now) == 0) {
                bucket.take(1, now);
            }
            assertThat(buckets.size()).isLessThanOrEqualTo(max);
        }
    }

    @Test
    void aDrainedBucketOutlivesFullOnesSoEvictionGivesNoFreshTokens() {
        BoundedBuckets buckets = new BoundedBuckets(2);
        Limit limit = new Limit(1, 1);
        buckets.get("drained", limit, 0).take(1, 0);
        buckets.get("full", limit, 0);
        buckets.get("newcomer", limit, 0);

        assertThat(buckets.get("drained", limit, 0).waitNanos(1, 0)).isEqualTo(TokenBucket.SCALE);
    }

    @Test
    void theInstitutionIsChargedBesideThePrincipalAndRetryAfterRoundsUp() {
        Limit caller = new Limit(1, 2);
        Limit institution = new Limit(1, 3);
        RateLimiter limiter = new RateLimiter(family -> new RateLimiter.Limits(caller, institution), 10);

        assertThat(limiter.charge(Family.READ, "alice", "umcu", 1, 0).admitted())
                .isTrue();
        assertThat(limiter.charge(Family.READ, "alice", "umcu", 1, 0).admitted())
                .isTrue();
        assertThat(limiter.charge(Family.READ, "bob", "umcu", 1, 0).admitted()).isTrue();
        RateLimiter.Verdict bob = limiter.charge(Family.READ, "bob", "umcu", 1, 0);
        assertThat(bob.admitted()).isFalse();
        assertThat(bob.limit()).isEqualTo(institution);
        assertThat(limiter.charge(Family.READ, "carol", "other", 1, 0).admitted())
                .isTrue();
        assertThat(limiter.charge(Family.SUBMIT, "alice", "umcu", 1, 0).admitted())
                .isTrue();

        RateLimiter.Verdict alice = limiter.charge(Family.READ, "alice", "umcu", 1, 1);
        assertThat(alice.waitNanos()).isEqualTo(TokenBucket.SCALE - 1);
        assertThat(alice.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void requestsFallIntoTheirFamilies() {
        assertThat(Family.of("POST", "/api/v1/transfers")).isEqualTo(Family.SUBMIT);
        assertThat(Family.of("PUT", "/api/v1/transfers/tr-1/payload")).isEqualTo(Family.UPLOAD);
        assertThat(Family.of("GET", "/api/v1/transfers/tr-1/payload")).isEqualTo(Family.READ);
        assertThat(Family.of("POST", "/api/v1/reviews/r-1/decision")).isEqualTo(Family.REVIEW);
        assertThat(Family.of("POST", "/api/v1/transfers/tr-1/appeal")).isEqualTo(Family.REVIEW);
        assertThat(Family.of("PUT", "/api/v1/admin/partners/p-1")).isEqualTo(Family.ADMIN);
        assertThat(Family.of("GET", "/api/v1/admin/partners/p-1")).isEqualTo(Family.ADMIN);
        assertThat(Family.of("GET", "/api/v1/public/figures")).isEqualTo(Family.PUBLIC);
        assertThat(Family.of("GET", "/public/echarts.min.js")).isEqualTo(Family.PUBLIC);
    }
}
