package dev.attest.reports.llm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An incremental parser of a server-sent event stream (WHATWG HTML, "Server-sent events", section
 * "Interpreting an event stream"), fed bytes as they arrive in arbitrary pieces.
 *
 * <p>It follows the standard where servers differ: lines end in CRLF, LF or CR (a CRLF split
 * between two pieces counts once); lines starting with ":" are comments (keep-alives); an event's
 * {@code data:} lines are joined with newlines and the event is dispatched at the next blank line;
 * one space after the colon is dropped. Two tolerances beyond the standard: llama.cpp's server
 * sends a stream error as an {@code error: {...}} line, which becomes an event of type "error";
 * and at the end of the stream a last event without its closing blank line is still dispatched,
 * since a report cut off there is better judged by the caller (which insists on [DONE] or a
 * finish reason) than dropped here. Bytes are decoded as UTF-8 one whole line at a time, so a
 * character split between pieces is decoded correctly. Not thread-safe.
 */
final class SseParser {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private String type = SseEvent.MESSAGE;
    private boolean hasData;
    private boolean afterCr;
    private boolean firstLine = true;

    /** Parses the next piece of the stream, returning the events it completed, in order. */
    List<SseEvent> feed(ByteBuffer piece) {
        List<SseEvent> events = new ArrayList<>();
        while (piece.hasRemaining()) {
            byte b = piece.get();
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(events);
            } else {
                line.write(b);
            }
        }
        return events;
    }

    List<SseEvent> feed(byte[] piece) {
        return feed(ByteBuffer.wrap(piece));
    }

    /** Ends the stream: an unterminated last line and an undispatched last event still count. */
    List<SseEvent> finish() {
        List<SseEvent> events = new ArrayList<>();
        if (line.size() > 0) {
            endLine(events);
        }
        dispatch(events);
        return events;
    }

    private void endLine(List<SseEvent> events) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        if (text.isEmpty()) {
            dispatch(events);
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> appendData(value);
            case "event" -> type = value.isEmpty() ? SseEvent.MESSAGE : value;
            case "error" -> {
                type = "error";
                appendData(value);
            }
            default -> {
                // id, retry and unknown fields mean nothing for a chat stream.
            }
        }
    }

    private void appendData(String value) {
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
    }

    private void dispatch(List<SseEvent> events) {
        if (hasData) {
            events.add(new SseEvent(type, data.toString()));
        }
        data.setLength(0);
        hasData = false;
        type = SseEvent.MESSAGE;
    }
}
