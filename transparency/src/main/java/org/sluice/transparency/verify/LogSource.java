package org.sluice.transparency.verify;

import java.util.List;

/** Where a verifier reads a log and its signed checkpoints from. */
interface LogSource {

    /** The signed notes of the source's checkpoints. */
    List<String> checkpointNotes() throws Exception;

    /** Feeds every entry to the verifier in the source's stored order; unreadable ones become findings. */
    void read(LogVerifier verifier) throws Exception;
}
