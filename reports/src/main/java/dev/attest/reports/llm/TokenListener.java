package dev.attest.reports.llm;

/**
 * Receives each piece of text of a streamed reply as it arrives, in order, on the thread that
 * runs the request; a UI listener hands the text to its own thread.
 */
@FunctionalInterface
public interface TokenListener {

    /** A listener that ignores every token. */
    TokenListener NONE = token -> { };

    void onToken(String token);
}
