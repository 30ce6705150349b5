package dev.attest.reports.llm;

/**
 * One server-sent event: its type ({@code message} unless an {@code event:} line named another)
 * and its data, the {@code data:} lines joined by newlines.
 */
record SseEvent(String type, String data) {

    static final String MESSAGE = "message";

    /** The data that ends an OpenAI stream. */
    boolean isDone() {
        return data.strip().equals("[DONE]");
    }

    /**
     * True for an error event: {@code event: error}, or llama.cpp's non-standard {@code error: {...}}
     * line, which {@link SseParser} turns into an event of this type.
     */
    boolean isError() {
        return type.equals("error");
    }
}
