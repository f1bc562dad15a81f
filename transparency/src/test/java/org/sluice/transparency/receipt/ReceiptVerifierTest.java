package org.sluice.transparency.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.transparency.merkle.Rfc9162;

class ReceiptVerifierTest {
    private static final String ORIGIN = "sluice.example/audit";
    private static final SigningKey LOG = SigningKey.generate();
    private static final Instant TIME = Instant.parse("2026-11-23T10:15:30Z");

    private static List<byte[]> log(int size) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(("{\"id\":\"ev-" + i + "\",\"type\":\"TransferDecided\"}").getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    @Test
    void everyReceiptOfLogsOfManySizesVerifiesWithAndWithoutTheLogKey() throws Exception {
        for (int size = 1; size <= 13; size++) {
            List<byte[]> entries = log(size);
            for (int i = 0; i < size; i++) {
                AuditReceipt receipt = MemoryReceipts.receipt(entries, i, "ev-" + i, ORIGIN, LOG, TIME);
                ReceiptVerifier.Verified verified = ReceiptVerifier.verify(receipt, ORIGIN, LOG.publicKey());
                assertThat(verified.checkpoint().size()).isEqualTo(size);
                assertThat(verified.event().path("id").asText()).isEqualTo("ev-" + i);
                assertThat(verified.signatureChecked()).isTrue();
                assertThat(ReceiptVerifier.verify(receipt, null, null).signatureChecked())
                        .isFalse();
            }
        }
    }

    @Test
    void aReceiptWhoseProofOrEntryOrCheckpointWasAlteredIsRejectedNamingWhat() {
        List<byte[]> entries = log(7);
        AuditReceipt good = MemoryReceipts.receipt(entries, 5, "ev-5", ORIGIN, LOG, TIME);

        AuditReceipt otherEntry = new AuditReceipt(
                "ev-5",
                5,
                good.leafHash(),
                Base64.getEncoder().encodeToString(entries.get(4)),
                7,
                good.rootHash(),
                good.checkpoint(),
                good.inclusionProof());
        assertThatThrownBy(() -> ReceiptVerifier.verify(otherEntry, ORIGIN, LOG.publicKey()))
                .isInstanceOf(ReceiptException.class)
                .hasMessageContaining("hashes to leaf");

        List<String> proof = new ArrayList<>(good.inclusionProof());
        proof.set(0, Base64.getEncoder().encodeToString(Rfc9162.leafHash(new byte[] {1})));
        AuditReceipt badProof = new AuditReceipt(
                "ev-5", 5, good.leafHash(), good.entry(), 7, good.rootHash(), good.checkpoint(), proof);
        assertThatThrownBy(() -> ReceiptVerifier.verify(badProof, ORIGIN, LOG.publicKey()))
                .isInstanceOf(ReceiptException.class)
                .hasMessageContaining("leads to root");

        AuditReceipt otherLog = MemoryReceipts.receipt(entries, 5, "ev-5", ORIGIN, SigningKey.generate(), TIME);
        assertThatThrownBy(() -> ReceiptVerifier.verify(otherLog, ORIGIN, LOG.publicKey()))
                .isInstanceOf(ReceiptException.class)
                .hasMessageContaining("checkpoint does not check out");

        AuditReceipt biggerCheckpoint = new AuditReceipt(
                "ev-5",
                5,
                good.leafHash(),
                good.entry(),
                7,
                good.rootHash(),
                MemoryReceipts.receipt(log(8), 5, "ev-5", ORIGIN, LOG, TIME).checkpoint(),
                good.inclusionProof());
        assertThatThrownBy(() -> ReceiptVerifier.verify(biggerCheckpoint, ORIGIN, LOG.publicKey()))
                .isInstanceOf(ReceiptException.class)
                .hasMessageContaining("the checkpoint is of size 8");

        AuditReceipt otherEvent = new AuditReceipt(
                "ev-4", 5, good.leafHash(), good.entry(), 7, good.rootHash(), good.checkpoint(), good.inclusionProof());
        assertThatThrownBy(() -> ReceiptVerifier.verify(otherEvent, ORIGIN, LOG.publicKey()))
                .isInstanceOf(ReceiptException.class)
                .hasMessage("the receipt is for event ev-4, but its entry is event ev-5");
    }
}
