package org.sluice.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.gateway.JsonBody;
import org.sluice.platform.problem.ProblemException;

/**
 * Any bytes as the body of {@code POST /api/v1/transfers}, read and held to the contract the way the
 * gateway does: either a complete request, or a 4xx problem, one that names a field and a rule for every
 * violation. Anything else (an exception that would be a 500) is a finding.
 */
class TransferRequestFuzzTest {

    private static final int MAX_BODY_BYTES = 1 << 20;

    @FuzzTest(maxDuration = "10s")
    void holdsOrNamesTheField(byte[] body) {
        TransferRequest request;
        try {
            JsonNode tree = JsonBody.read(new ByteArrayInputStream(body), MAX_BODY_BYTES);
            request = RequestContract.validate(
                    tree, partnerId -> "p-charite".equals(partnerId) ? Optional.of("DE") : Optional.empty());
        } catch (ProblemException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.errors()).allSatisfy(violation -> {
                assertThat(violation.field()).isNotBlank();
                assertThat(violation.rule()).isNotBlank();
            });
            if ("validation".equals(refused.slug())) {
                assertThat(refused.errors()).isNotEmpty();
            }
            return;
        }
        assertThat(request.dataset()).isNotNull();
        assertThat(request.purpose()).isNotNull();
        assertThat(request.destination().partnerId()).isNotBlank();
        assertThat(request.endUsers()).isNotNull();
        assertThat(request.payload().sizeBytes()).isNotNegative();
    }
}
