package dev.attest.core.progress;

/** A cancel request shared between the party that starts long work and the work itself. */
public final class Cancellation {

    // Volatile so a cancel from the UI thread is seen by worker threads without locking.
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} if cancel has been requested; call it between units of work. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
