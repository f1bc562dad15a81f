package org.sluice.crypto.crypt4gh;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Any bytes as a whole .c4gh file: the reader answers plaintext or a {@link Crypt4ghException}, nothing else. */
class Crypt4ghReaderFuzzTest {
    private static final Crypt4ghKeyPair READER = DemoKeys.pair("p-charite");

    @FuzzTest(maxDuration = "10s")
    void readsOrRejects(byte[] file) throws IOException {
        try (InputStream in = Crypt4ghReader.decrypt(new ByteArrayInputStream(file), READER)) {
            in.readAllBytes();
        } catch (Crypt4ghException expected) {
            // the documented failure: a named defect
        }
    }
}
