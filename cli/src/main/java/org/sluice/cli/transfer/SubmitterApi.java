package org.sluice.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Map;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.http.JsonAnswer;

/**
 * The gateway's submitter API as the commands use it: its paths in one place, typed answers (ids are checked by
 * {@link org.sluice.cli.IdConverter} before they get here).
 */
final class SubmitterApi {
    private static final String TRANSFERS = "/api/v1/transfers";

    private final GatewayClient gateway;

    SubmitterApi(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The client underneath, e.g. to resolve the URLs answers give. */
    GatewayClient gateway() {
        return gateway;
    }

    /** Creates a transfer; the same key and request return the same transfer. */
    TransferCreated create(ObjectNode request, String idempotencyKey) throws IOException {
        return GatewayClient.bind(
                gateway.postJson(TRANSFERS, request, Map.of("Idempotency-Key", idempotencyKey)),
                TransferCreated.class,
                "answer to a new transfer");
    }

    /** The active policy's verdict on a request (an {@code Evaluation}), nothing staged. */
    JsonNode precheck(ObjectNode request, boolean explain) throws IOException {
        return gateway.postJson(TRANSFERS + "/precheck" + (explain ? "?explain=full" : ""), request, Map.of());
    }

    /** Appeals a denial; the same key and statement answer with the same appeal. The transfer is returned. */
    JsonNode appeal(String transferId, String statement, String idempotencyKey) throws IOException {
        return gateway.postJson(
                TRANSFERS + "/" + transferId + "/appeal",
                Map.of("statement", statement),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A transfer's status document, as served. */
    JsonNode transferJson(String transferId) throws IOException {
        return gateway.getJson(TRANSFERS + "/" + transferId);
    }

    /** A transfer's status. */
    Transfer transfer(String transferId) throws IOException {
        return GatewayClient.bind(transferJson(transferId), Transfer.class, "transfer");
    }

    /** How much of an unfinished upload the gateway holds. */
    UploadProgress uploadProgress(String transferId) throws IOException {
        return GatewayClient.bind(gateway.getJson(payload(transferId)), UploadProgress.class, "upload progress");
    }

    /** Sends the payload, or one chunk of it: 200 with the receipt when complete, 202 with the progress. */
    JsonAnswer putPayload(String transferId, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException {
        return gateway.put(payload(transferId), body, headers);
    }

    private static String payload(String transferId) {
        return TRANSFERS + "/" + transferId + "/payload";
    }
}
