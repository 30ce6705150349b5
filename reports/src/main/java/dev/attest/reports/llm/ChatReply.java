package dev.attest.reports.llm;

/**
 * The assistant's reply: its text, the model the server says answered, why generation stopped
 * ({@code stop}, {@code length}, ...; empty when the server did not say), and token counts where
 * the server reported them ({@link #NOT_REPORTED} otherwise).
 */
public record ChatReply(String text, String model, String finishReason, int promptTokens, int completionTokens) {

    public static final int NOT_REPORTED = -1;

    public ChatReply {
        text = text == null ? "" : text;
        model = model == null ? "" : model;
        finishReason = finishReason == null ? "" : finishReason;
    }

    /** True when the server stopped because it reached the token limit, so the text is cut short. */
    public boolean truncated() {
        return finishReason.equals("length");
    }
}
