package org.sluice.bench.e2e;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The body of a transfer request the demo world approves at once: UMC Utrecht's submitter sending a
 * consented VCF dataset to Charite (DE) under its licence, DSA and ethics approval.
 */
public final class DemoTransferRequest {

    private DemoTransferRequest() {}

    /** The request JSON for a payload of these bytes. */
    public static String forPayload(byte[] payload) {
        try {
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
            return json(payload.length, sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The request JSON declaring a payload of this size and SHA-256. */
    public static String json(long sizeBytes, String sha256) {
        return "{\"dataset\":{\"id\":\"ds-bench\",\"title\":\"Benchmark payload\",\"category\":\"HUMAN_INDIVIDUAL\","
                + "\"subjects\":412,\"format\":\"VCF\",\"consent\":{\"duo\":[\"DUO:0000007\",\"DUO:0000018\"],"
                + "\"diseases\":[\"MONDO:0007254\"],\"countries\":[]}},\"purpose\":{\"duo\":\"DUO:0000007\","
                + "\"disease\":\"MONDO:0007254\",\"commercial\":false,\"description\":\"Benchmark\"},"
                + "\"destination\":{\"partnerId\":\"p-charite\",\"country\":\"DE\"},\"endUsers\":[{\"name\":"
                + "\"Dr. Anna Keller\",\"organisation\":\"Charite - Universitaetsmedizin Berlin\",\"country\":\"DE\"}],"
                + "\"licenceIds\":[\"LIC-2025-0042\"],\"dsaId\":\"DSA-CHARITE-2024\",\"ethicsApprovalId\":\"EA-17-331\","
                + "\"basis\":\"STANDARD\",\"payload\":{\"sizeBytes\":" + sizeBytes + ",\"sha256\":\"" + sha256
                + "\"}}";
    }
}
