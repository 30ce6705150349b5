package dev.attest.reports.llm;

import java.util.List;
import java.util.Objects;

/**
 * A report as the model wrote it, unedited, with its sentences (the claims to ground and score)
 * and what the server said about the generation.
 *
 * @param text the model's reply exactly as received; sentence offsets point into it
 * @param sentences the reply split by {@link SentenceSplitter}
 * @param model the model that answered (as the server names it, else as configured)
 * @param finishReason why generation stopped ("stop", "length", ...), empty if not reported
 */
public record ReportDraft(String text, List<ReportSentence> sentences, String model, String finishReason) {

    public ReportDraft {
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(sentences);
        model = model == null ? "" : model;
        finishReason = finishReason == null ? "" : finishReason;
    }

    /** Splits a reply into a draft; {@code configuredModel} names the model when the server did not. */
    public static ReportDraft of(ChatReply reply, String configuredModel) {
        String model = reply.model().isEmpty() ? configuredModel : reply.model();
        return new ReportDraft(reply.text(), SentenceSplitter.split(reply.text()), model, reply.finishReason());
    }

    /** True when the model hit the token limit, so the last sentence may be cut off. */
    public boolean truncated() {
        return finishReason.equals("length");
    }
}
