package dev.attest.reports.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI chat-completions wire format: request bodies out, replies, stream chunks and model
 * lists in. Parsing failures are {@link MalformedReplyException}s that say which field was wrong,
 * for the client to turn into a {@link ReportServerException} with the URL.
 */
final class ChatJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChatJson() {
    }

    /** The request body; {@code stream} decides between one JSON reply and an event stream. */
    static byte[] requestBody(ChatRequest request, boolean stream) {
        ObjectNode root = MAPPER.createObjectNode();
        if (!request.model().isEmpty()) {
            root.put("model", request.model());
        }
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            ObjectNode message = messages.addObject();
            message.put("role", m.role().wireName());
            // Plain string content for text-only messages: older servers accept nothing else for system messages.
            if (m.isTextOnly()) {
                StringBuilder text = new StringBuilder();
                m.parts().forEach(p -> text.append(((ContentPart.Text) p).text()));
                message.put("content", text.toString());
            } else {
                ArrayNode content = message.putArray("content");
                for (ContentPart part : m.parts()) {
                    ObjectNode node = content.addObject();
                    switch (part) {
                        case ContentPart.Text t -> {
                            node.put("type", "text");
                            node.put("text", t.text());
                        }
                        case ContentPart.Image i -> {
                            node.put("type", "image_url");
                            node.putObject("image_url").put("url", i.dataUrl());
                        }
                    }
                }
            }
        }
        root.put("temperature", request.temperature());
        root.put("max_tokens", request.maxTokens());
        root.put("stream", stream);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of strings and numbers", e);
        }
    }

    /** Parses a whole (non-streaming) chat completion. */
    static ChatReply reply(String body) throws MalformedReplyException, ServerReportedException {
        JsonNode root = parseObject(body, "reply");
        throwIfError(root);
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new MalformedReplyException("reply has no choices (" + preview(body) + ")");
        }
        JsonNode message = choices.get(0).path("message");
        if (!message.isObject()) {
            throw new MalformedReplyException("reply's choices[0] has no message object (" + preview(body) + ")");
        }
        String text = content(message.path("content"), "choices[0].message.content");
        JsonNode usage = root.path("usage");
        return new ChatReply(text, text(root.path("model")), text(choices.get(0).path("finish_reason")),
                usage.path("prompt_tokens").asInt(ChatReply.NOT_REPORTED),
                usage.path("completion_tokens").asInt(ChatReply.NOT_REPORTED));
    }

    /**
     * Parses the data of one stream event. Usually one chunk; a server that omits the blank lines
     * between events packs several JSON values into one event's data, and those are read in turn.
     */
    static List<StreamChunk> chunks(String data) throws MalformedReplyException, ServerReportedException {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(data)) {
            while (it.hasNextValue()) {
                values.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            // Jackson's iterator reports bad input as IOException or, from hasNextValue, a RuntimeException.
            throw new MalformedReplyException("stream event is not JSON (" + preview(data) + ")");
        }
        if (values.isEmpty()) {
            throw new MalformedReplyException("stream event has empty data");
        }
        List<StreamChunk> out = new ArrayList<>();
        for (JsonNode value : values) {
            out.add(chunk(value, data));
        }
        return out;
    }

    /** The model ids of a {@code /v1/models} reply, in the server's order. */
    static List<String> modelIds(String body) throws MalformedReplyException {
        JsonNode root = parseObject(body, "model list");
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new MalformedReplyException("model list has no data array (" + preview(body) + ")");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode model : data) {
            String id = text(model.path("id"));
            if (id.isEmpty()) {
                throw new MalformedReplyException("model list entry without an id: " + preview(model.toString()));
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * The error message in a server's error body, as the servers spell it: OpenAI, vLLM and
     * llama.cpp {@code {"error":{"message":...}}}, Ollama {@code {"error":"..."}}, llama.cpp's
     * stream errors and older vLLM {@code {"message":...}}, FastAPI {@code {"detail":...}}; any
     * other body is shown as text (tags stripped, for proxies that answer in HTML). Empty when
     * the body is empty.
     */
    static String errorMessage(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        try {
            JsonNode root = MAPPER.readTree(trimmed);
            String message = root != null && root.isObject() ? errorMessage(root) : null;
            if (message != null) {
                return message;
            }
        } catch (JsonProcessingException e) {
            // Not JSON: shown as text below.
        }
        return trimmed.startsWith("<") ? trimmed.replaceAll("<[^>]*>", " ").strip() : trimmed;
    }

    /** True when the body is a JSON error object with a message, as opposed to a web server's page. */
    static boolean isJsonError(String body) {
        try {
            JsonNode root = MAPPER.readTree(body == null ? "" : body.strip());
            return root != null && root.isObject() && errorMessage(root) != null;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String errorMessage(JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && error.isObject() && error.path("message").isTextual()) {
            return error.get("message").asText();
        }
        if (error != null && error.isTextual()) {
            return error.asText();
        }
        if (root.path("message").isTextual()) {
            return root.get("message").asText();
        }
        JsonNode detail = root.get("detail");
        if (detail != null && detail.isTextual()) {
            return detail.asText();
        }
        if (detail != null && detail.isArray() && !detail.isEmpty() && detail.get(0).path("msg").isTextual()) {
            return detail.get(0).get("msg").asText();
        }
        return null;
    }

    private static StreamChunk chunk(JsonNode root, String data) throws MalformedReplyException, ServerReportedException {
        if (!root.isObject()) {
            throw new MalformedReplyException("stream event is not a JSON object (" + preview(data) + ")");
        }
        throwIfError(root);
        JsonNode usage = root.path("usage");
        int prompt = usage.path("prompt_tokens").asInt(ChatReply.NOT_REPORTED);
        int completion = usage.path("completion_tokens").asInt(ChatReply.NOT_REPORTED);
        String model = text(root.path("model"));
        JsonNode choices = root.path("choices");
        if (choices.isMissingNode() || choices.isNull() || choices.isArray() && choices.isEmpty()) {
            // The usage chunk of stream_options.include_usage has an empty choices array.
            return new StreamChunk("", "", model, prompt, completion);
        }
        if (!choices.isArray()) {
            throw new MalformedReplyException("stream chunk's choices is not an array (" + preview(data) + ")");
        }
        JsonNode choice = choices.get(0);
        // A role-only first delta ({"role":"assistant"}) has no content, and some servers send content: null.
        String text = content(choice.path("delta").path("content"), "stream chunk's choices[0].delta.content");
        return new StreamChunk(text, text(choice.path("finish_reason")), model, prompt, completion);
    }

    /** Message content: a string, null or absent (no text), or an array of text parts. */
    private static String content(JsonNode node, String where) throws MalformedReplyException {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : node) {
                if (part.path("text").isTextual()) {
                    text.append(part.get("text").asText());
                }
            }
            return text.toString();
        }
        throw new MalformedReplyException(where + " is " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + ", not text");
    }

    /** A string field's value; empty for null or absent ({@code asText} would give "null" for a JSON null). */
    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : "";
    }

    private static void throwIfError(JsonNode root) throws ServerReportedException {
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            String message = errorMessage(root);
            throw new ServerReportedException(message != null ? message : error.toString());
        }
    }

    private static JsonNode parseObject(String body, String what) throws MalformedReplyException {
        if (body == null || body.isBlank()) {
            throw new MalformedReplyException(what + " body is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedReplyException(what + " is not JSON (" + preview(body) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedReplyException(what + " is not a JSON object (" + preview(body) + ")");
        }
        return root;
    }

    /** The start of a body, enough for the user to recognise what the server sent instead. */
    static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 80 ? "got '" + flat + "'" : "got '" + flat.substring(0, 77) + "...'";
    }

    /** One parsed stream chunk; empty strings where the chunk did not say. */
    record StreamChunk(String content, String finishReason, String model, int promptTokens, int completionTokens) {
    }

    /** A reply that is not the chat format; the message says what was wrong, without the URL. */
    static final class MalformedReplyException extends Exception {
        MalformedReplyException(String message) {
            super(message);
        }
    }

    /** An error object the server put in a reply or stream chunk; the message is the server's. */
    static final class ServerReportedException extends Exception {
        ServerReportedException(String message) {
            super(message);
        }
    }
}
