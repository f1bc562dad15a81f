package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stopping and restarting the policy service between request and decision loses and duplicates nothing. */
@ExtendWith(StackExtension.class)
class PolicyRestartIT {

    @Test
    void aRequestMadeWhilePolicyIsDownIsDecidedOnceWhenItComesBack(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        stack.stop(Service.POLICY);
        String transferId;
        try {
            transferId = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);
            assertThat(Api.json(api.as(Service.GATEWAY, "SUBMITTER_UMCU").get("/api/v1/transfers/" + transferId))
                            .path("state")
                            .asText())
                    .isEqualTo("STAGED");
        } finally {
            stack.restart(Service.POLICY);
        }

        JsonNode status = api.awaitState("SUBMITTER_UMCU", transferId, List.of("SEALED", "DENIED", "IN_REVIEW"));
        assertThat(status.path("state").asText()).isEqualTo("SEALED");
        JsonNode trail = api.awaitTrail(transferId, List.of("TransferRequested", "TransferDecided", "PackageSealed"));
        assertThat(Api.types(trail)).containsExactly("TransferRequested", "TransferDecided", "PackageSealed");
    }

    @Test
    void policyKilledMidStreamRedecidesNothingTwice(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String first = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);
        stack.kill(Service.POLICY);
        String second;
        try {
            second = api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf);
        } finally {
            stack.restart(Service.POLICY);
        }
        for (String transferId : List.of(first, second)) {
            api.awaitState("SUBMITTER_UMCU", transferId, List.of("SEALED"));
            JsonNode trail = api.awaitTrail(transferId, List.of("TransferDecided", "PackageSealed"));
            assertThat(Api.types(trail).stream().filter("TransferDecided"::equals))
                    .hasSize(1);
            assertThat(Api.types(trail).stream().filter("PackageSealed"::equals))
                    .hasSize(1);
        }
    }
}
