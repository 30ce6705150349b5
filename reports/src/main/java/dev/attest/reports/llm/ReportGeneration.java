package dev.attest.reports.llm;

import dev.attest.core.progress.Cancellation;

/**
 * The headless entry point for "Generate report": sends a prompt to the configured server,
 * streams the reply to a listener, and returns the draft split into sentences. The GUI calls it
 * on a background thread; the CLI and tests call it directly.
 */
public final class ReportGeneration {

    private ReportGeneration() {
    }

    /**
     * Generates a report draft.
     *
     * @param listener receives the reply's text piece by piece as it streams in, on this thread
     * @param cancellation cancel it to stop at the next piece (or while waiting for the first)
     * @throws ReportServerException with a one-line message for the user, of a kind saying what failed
     */
    public static ReportDraft run(ReportServerConfig config, ReportPrompt prompt, TokenListener listener,
                                  Cancellation cancellation) throws ReportServerException {
        try (ChatClient client = new ChatClient(config)) {
            ChatReply reply = client.stream(ChatRequest.of(config, prompt.toMessages()), listener, cancellation);
            return ReportDraft.of(reply, config.model());
        }
    }
}
