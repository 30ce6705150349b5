package dev.attest.reports.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatJsonTest {

    @Test
    void readsTheErrorMessageAsEachServerSpellsIt() {
        assertEquals("bad image", ChatJson.errorMessage("{\"error\":{\"message\":\"bad image\",\"code\":400}}"));
        assertEquals("model 'x' not found", ChatJson.errorMessage("{\"error\":\"model 'x' not found\"}"));
        assertEquals("prompt too long", ChatJson.errorMessage("{\"object\":\"error\",\"message\":\"prompt too long\",\"code\":400}"));
        assertEquals("Not authenticated", ChatJson.errorMessage("{\"detail\":\"Not authenticated\"}"));
        assertEquals("field required", ChatJson.errorMessage("{\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"field required\"}]}"));
        assertEquals("upstream down", ChatJson.errorMessage("  upstream down \n"));
        assertEquals("502 Bad Gateway", ChatJson.errorMessage("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        assertEquals("{\"status\":\"weird\"}", ChatJson.errorMessage("{\"status\":\"weird\"}"));
        assertEquals("", ChatJson.errorMessage(""));
    }

    @Test
    void tellsAServerErrorObjectFromAWebServerPage() {
        assertTrue(ChatJson.isJsonError("{\"error\":\"model not found\"}"));
        assertFalse(ChatJson.isJsonError("404 page not found"));
        assertFalse(ChatJson.isJsonError("{\"status\":\"weird\"}"));
    }

    @Test
    void readsContentGivenAsAnArrayOfTextParts() throws Exception {
        ChatReply reply = ChatJson.reply("{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"A \"},"
                + "{\"type\":\"text\",\"text\":\"B.\"}]},\"finish_reason\":null}]}");
        assertEquals(new ChatReply("A B.", "", "", ChatReply.NOT_REPORTED, ChatReply.NOT_REPORTED), reply);
    }

    @Test
    void readsSeveralChunksPackedIntoOneEvent() throws Exception {
        // A server that omits the blank line between events: the data lines join into one event.
        List<ChatJson.StreamChunk> chunks = ChatJson.chunks("{\"choices\":[{\"delta\":{\"content\":\"A\"}}]}\n"
                + "{\"choices\":[{\"delta\":{\"content\":\"B\"},\"finish_reason\":\"stop\"}]}");
        assertEquals(List.of(new ChatJson.StreamChunk("A", "", "", -1, -1), new ChatJson.StreamChunk("B", "stop", "", -1, -1)),
                chunks);
    }
}
