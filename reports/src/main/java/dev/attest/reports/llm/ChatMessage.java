package dev.attest.reports.llm;

import java.util.List;
import java.util.Objects;

/** One message of a chat request: who speaks and the text and images it holds. */
public record ChatMessage(Role role, List<ContentPart> parts) {

    /** The OpenAI chat roles Attest sends. */
    public enum Role {
        SYSTEM("system"), USER("user"), ASSISTANT("assistant");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        /** The role as the protocol spells it. */
        public String wireName() {
            return wireName;
        }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(role.wireName() + " message has no content");
        }
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, List.of(new ContentPart.Text(text)));
    }

    public static ChatMessage user(List<ContentPart> parts) {
        return new ChatMessage(Role.USER, parts);
    }

    /** True when every part is text, so the message can be sent as a plain string. */
    public boolean isTextOnly() {
        return parts.stream().allMatch(p -> p instanceof ContentPart.Text);
    }
}
