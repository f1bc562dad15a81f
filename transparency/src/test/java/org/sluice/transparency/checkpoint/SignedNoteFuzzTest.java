package org.sluice.transparency.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.sluice.crypto.sign.SigningKey;

/**
 * Any text as a signed checkpoint: opened as it is (the signature lines parsed, no forgery accepted), and
 * as a note text signed here with the log's key, so the checkpoint parser itself is reached. Each answers
 * a checkpoint or a {@link CheckpointException}, nothing else.
 */
class SignedNoteFuzzTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final String ORIGIN = "sluice.example/audit";

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({ORIGIN, "\u2014 sluice.example/audit ", "time ", "2026-11-23T10:15:30.123Z"})
    void opensOrRejects(byte[] input) throws CheckpointException {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            SignedNote.openCheckpoint(text, ORIGIN, KEY.publicKey());
            throw new AssertionError("a note not signed by the log's key was accepted");
        } catch (CheckpointException expected) {
            // malformed, or no valid signature of the log's key
        }
        if (!text.endsWith("\n")) {
            return;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = SignedNote.openCheckpoint(SignedNote.sign(text, ORIGIN, KEY), ORIGIN, KEY.publicKey());
        } catch (CheckpointException expected) {
            return;
        }
        // what verifies is the exact text signed, and it reads back as the same checkpoint
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
    }
}
