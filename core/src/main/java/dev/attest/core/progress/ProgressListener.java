package dev.attest.core.progress;

/** Receives progress reports from long-running work; implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report, for callers that do not show progress. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * Reports that done of total units of work are finished; total may be 0 when unknown. Called
     * from worker threads, so UI listeners must hand the update to their own thread.
     */
    void progress(long done, long total, String message);
}
