package dev.attest.reports.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static final String STREAM = "\uFEFF: comment at the start\r\n"
            + "data: first\r\n\r\n"
            + "data:no space\n\n"
            + "data:  two spaces keep one\r\r"
            + "event: error\ndata: {\"a\":\n"
            + "data: 1}\n\n"
            + "id: 7\nretry: 100\n\n"
            + "data\n\n"
            + "data: caf\u00E9 \u00B0\n\n"
            + "data: [DONE]";

    private static final List<SseEvent> EXPECTED = List.of(
            new SseEvent("message", "first"),
            new SseEvent("message", "no space"),
            new SseEvent("message", " two spaces keep one"),
            new SseEvent("error", "{\"a\":\n1}"),
            new SseEvent("message", ""),
            new SseEvent("message", "caf\u00E9 \u00B0"),
            new SseEvent("message", "[DONE]"));

    @Test
    void parsesAWholeStreamPerTheEventStreamRules() {
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>(parser.feed(STREAM.getBytes(StandardCharsets.UTF_8)));
        events.addAll(parser.finish());
        assertEquals(EXPECTED, events);
    }

    @Test
    void givesTheSameEventsWhenFedOneByteAtATime() {
        // Splits every CRLF and every multi-byte UTF-8 character between two pieces.
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) {
            events.addAll(parser.feed(new byte[] {b}));
        }
        events.addAll(parser.finish());
        assertEquals(EXPECTED, events);
    }

    @Test
    void llamaCppErrorFieldBecomesAnErrorEvent() {
        SseParser parser = new SseParser();
        assertEquals(List.of(new SseEvent("error", "{\"message\":\"x\"}")),
                parser.feed("error: {\"message\":\"x\"}\n\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void commentsAndBlankLinesAloneMakeNoEvents() {
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>(parser.feed(": ping\n\n\r\n: ping\r\n\n".getBytes(StandardCharsets.UTF_8)));
        events.addAll(parser.finish());
        assertEquals(List.of(), events);
    }
}
