package dev.attest.core.progress;

/** Thrown by work that stopped because its {@link Cancellation} was cancelled. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}
