package dev.attest.reports.llm;

import static dev.attest.reports.llm.FakeChatServer.delta;
import static dev.attest.reports.llm.FakeChatServer.startStream;
import static dev.attest.reports.llm.FakeChatServer.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportGenerationTest {

    private static final String REPORT = "FINDINGS:\nA 2.1 cm hypodense lesion is seen in the right hepatic lobe. "
            + "The spleen is normal.\n\nIMPRESSION:\n1. Right hepatic lesion, 2.1 cm.";

    @Test
    void sendsTheRenderedKeyImagesAndReturnsTheStreamedDraftSplitIntoSentences() throws Exception {
        ImageGrid grid = new ImageGrid(16, 12, 3, Affine.diagonal(0.8, 0.8, 3));
        Volume ct = Volume.allocate(grid, VoxelType.FLOAT32);
        Volume labels = Volume.allocate(grid, VoxelType.UINT8);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                ct.setStored(x, y, 1, x * 20 - 100);
                labels.setStored(x, y, 1, x < 4 && y < 4 ? 1 : 0);
            }
        }
        LabelOverlay overlay = LabelOverlay.of(labels, new LabelDescriptions(List.of(new LabelDescription(1, "lesion", 0xFFC800))), 0.5);
        List<KeyImage> images = KeyImageRenderer.render(ct, new int[] {1, 2}, DisplayWindow.CT_SOFT_TISSUE, overlay);
        ReportPrompt prompt = ReportPrompt.builder().examination("CT abdomen, portal venous phase").addImages(images).build();

        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < REPORT.length(); i += 7) {
            pieces.add(REPORT.substring(i, Math.min(REPORT.length(), i + 7)));
        }
        List<String> tokens = new ArrayList<>();
        ReportDraft draft;
        try (FakeChatServer server = new FakeChatServer()) {
            server.on("/v1/chat/completions", ex -> {
                OutputStream out = startStream(ex);
                write(out, "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n");
                for (String p : pieces) {
                    write(out, delta(p));
                }
                write(out, "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
            });
            ReportServerConfig config = ReportServerConfig.of(server.baseUrl() + "/v1", "qwen2.5-vl")
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10));

            draft = ReportGeneration.run(config, prompt, tokens::add, new Cancellation());

            JsonNode body = new ObjectMapper().readTree(server.received().get(0).body());
            assertEquals("qwen2.5-vl", body.get("model").asText());
            assertEquals(0.0, body.get("temperature").asDouble());
            assertEquals(1024, body.get("max_tokens").asInt());
            assertEquals(true, body.get("stream").asBoolean());
            JsonNode messages = body.get("messages");
            assertEquals(ReportPrompt.DEFAULT_SYSTEM_PROMPT, messages.get(0).get("content").asText());
            JsonNode parts = messages.get(1).get("content");
            assertEquals(5, parts.size());
            assertEquals(ReportPrompt.DEFAULT_INSTRUCTIONS + "\n\nExamination: CT abdomen, portal venous phase",
                    parts.get(0).get("text").asText());
            assertEquals("\n\nImage 1: axial slice 2 of 3, window level 40 width 400, image right = patient left,"
                    + " image bottom = posterior; coloured overlay: lesion (#FFC800)", parts.get(1).get("text").asText());
            assertEquals("\n\nImage 2: axial slice 3 of 3, window level 40 width 400, image right = patient left,"
                    + " image bottom = posterior; coloured overlay: no labelled region on this slice",
                    parts.get(3).get("text").asText());
            for (int i = 0; i < 2; i++) {
                String url = parts.get(2 + 2 * i).get("image_url").get("url").asText();
                assertEquals("data:image/png;base64,", url.substring(0, 22));
                assertArrayEquals(images.get(i).png(), Base64.getDecoder().decode(url.substring(22)));
            }
        }

        assertEquals(pieces, tokens);
        assertEquals(REPORT, draft.text());
        assertEquals("fake-vlm", draft.model());
        assertFalse(draft.truncated());
        assertEquals(List.of(
                new ReportSentence(0, "A 2.1 cm hypodense lesion is seen in the right hepatic lobe.", "FINDINGS", 10, 70),
                new ReportSentence(1, "The spleen is normal.", "FINDINGS", 71, 92),
                new ReportSentence(2, "Right hepatic lesion, 2.1 cm.", "IMPRESSION", 109, 138)), draft.sentences());
    }

    @Test
    void draftNamesTheConfiguredModelWhenTheServerDoesNotAndFlagsATruncatedReply() {
        ReportDraft draft = ReportDraft.of(new ChatReply("No acute findings. The liver is", "", "length", -1, -1), "llava");
        assertEquals("llava", draft.model());
        assertEquals(true, draft.truncated());
        assertEquals(List.of(new ReportSentence(0, "No acute findings.", "", 0, 18),
                new ReportSentence(1, "The liver is", "", 19, 31)), draft.sentences());
    }

    @Test
    void aPromptWithoutImagesOrExaminationIsTheInstructionsAlone() {
        ReportPrompt prompt = ReportPrompt.builder().systemPrompt(" Be brief. ").instructions("Report.").build();
        assertEquals(List.of(ChatMessage.system("Be brief."), ChatMessage.user(List.of(new ContentPart.Text("Report.")))),
                prompt.toMessages());
    }
}
