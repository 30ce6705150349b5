package dev.attest.core.progress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void throwsOnlyAfterCancelIsRequested() {
        Cancellation c = new Cancellation();
        assertFalse(c.isCancelled());
        assertDoesNotThrow(c::throwIfCancelled);
        c.cancel();
        assertTrue(c.isCancelled());
        assertThrows(CancelledException.class, c::throwIfCancelled);
    }

    @Test
    void cancelFromAnotherThreadIsSeenByTheWorker() throws InterruptedException {
        Cancellation c = new Cancellation();
        Thread canceller = new Thread(c::cancel);
        canceller.start();
        canceller.join();
        assertTrue(c.isCancelled());
        ProgressListener.NONE.progress(1, 2, "ignored");
    }
}
