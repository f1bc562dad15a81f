package org.sluice.transparency.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.transparency.merkle.Rfc9162;

class SignedCheckpointTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final String ORIGIN = "sluice.example/audit";
    private final Checkpoint checkpoint =
            new Checkpoint(ORIGIN, 10_000, Rfc9162.leafHash(new byte[] {1}), Instant.parse("2026-11-23T10:15:30.123Z"));

    @Test
    void theNoteIsTheC2spCheckpointTextABlankLineAndTheLogsSignatureLine() {
        String note = SignedNote.sign(checkpoint, KEY);
        String[] lines = note.split("\n", -1);
        assertThat(lines[0]).isEqualTo(ORIGIN);
        assertThat(lines[1]).isEqualTo("10000");
        assertThat(Base64.getDecoder().decode(lines[2])).isEqualTo(checkpoint.rootHash());
        assertThat(lines[3]).isEqualTo("time 2026-11-23T10:15:30.123Z");
        assertThat(lines[4]).isEmpty();
        assertThat(lines[5]).startsWith("\u2014 " + ORIGIN + " ");
        // key hash (4 bytes) and the 64-byte Ed25519 signature
        assertThat(Base64.getDecoder().decode(lines[5].substring(lines[5].lastIndexOf(' ') + 1)))
                .hasSize(68);
        assertThat(lines[6]).isEmpty();
    }

    @Test
    void aSignedCheckpointOpensToItself() throws Exception {
        String note = SignedNote.sign(checkpoint, KEY);
        assertThat(SignedNote.openCheckpoint(note, ORIGIN, KEY.publicKey())).isEqualTo(checkpoint);
    }

    @Test
    void anAlteredSizeRootOrTimeNoLongerVerifies() {
        String note = SignedNote.sign(checkpoint, KEY);
        for (String altered : new String[] {
            note.replace("\n10000\n", "\n10001\n"),
            note.replace("time 2026-11-23T10:15:30.123Z", "time 2026-11-23T10:15:31.123Z"),
            note.replace(checkpoint.rootBase64(), Base64.getEncoder().encodeToString(Rfc9162.emptyRoot()))
        }) {
            assertThatThrownBy(() -> SignedNote.openCheckpoint(altered, ORIGIN, KEY.publicKey()))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("does not verify");
        }
    }

    @Test
    void anotherKeyOrAnotherLogIsNotTheLog() {
        String note = SignedNote.sign(checkpoint, KEY);
        assertThatThrownBy(() -> SignedNote.openCheckpoint(
                        note, ORIGIN, SigningKey.generate().publicKey()))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("no signature of 'sluice.example/audit'");
        assertThatThrownBy(() -> SignedNote.openCheckpoint(note, "other.example/log", KEY.publicKey()))
                .isInstanceOf(CheckpointException.class);
    }

    @Test
    void malformedTextsNameTheirLine() {
        assertThatThrownBy(() -> Checkpoint.parse("o\nten\nAAAA\ntime 2026-11-23T10:15:30Z\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n010\nAAAA\ntime 2026-11-23T10:15:30Z\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n10\n!!\ntime 2026-11-23T10:15:30Z\n"))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> Checkpoint.parse("o\n10\n" + checkpoint.rootBase64() + "\n"))
                .hasMessageContaining("found 3 lines");
        assertThatThrownBy(() -> Checkpoint.parse("o\n10\n" + checkpoint.rootBase64() + "\ntime yesterday\n"))
                .hasMessageContaining("line 4");
    }
}
