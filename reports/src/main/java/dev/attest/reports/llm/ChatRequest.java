package dev.attest.reports.llm;

import java.util.List;
import java.util.Objects;

/**
 * A chat completion request as Attest sends it: model, messages, temperature and token limit
 * (streaming is chosen by the {@link ChatClient} call, not carried here).
 */
public record ChatRequest(String model, List<ChatMessage> messages, double temperature, int maxTokens) {

    public ChatRequest {
        model = model == null ? "" : model;
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
    }

    /** A request with the model and sampling settings of a configuration. */
    public static ChatRequest of(ReportServerConfig config, List<ChatMessage> messages) {
        return new ChatRequest(config.model(), messages, config.temperature(), config.maxTokens());
    }
}
