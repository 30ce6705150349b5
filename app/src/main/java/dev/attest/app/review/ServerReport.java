package dev.attest.app.review;

import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.llm.DisplayWindow;
import dev.attest.reports.llm.KeyImage;
import dev.attest.reports.llm.KeyImageRenderer;
import dev.attest.reports.llm.LabelOverlay;
import dev.attest.reports.llm.ReportDraft;
import dev.attest.reports.llm.ReportGeneration;
import dev.attest.reports.llm.ReportPrompt;
import dev.attest.reports.llm.ReportServerConfig;
import dev.attest.reports.llm.ReportServerException;
import dev.attest.reports.llm.TokenListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Asks a local OpenAI-compatible report server (llama.cpp, vLLM, Ollama) for the report of a case: key axial
 * images through the largest structures the segmentation holds, rendered with the reader's window and the
 * label overlay, with the default instructions, and what the project records about the request as a run.
 */
public final class ServerReport {
    /** At most this many key images: multimodal servers slow down, and some refuse, with many images. */
    public static final int MAX_KEY_IMAGES = 3;

    private ServerReport() {
    }

    /** The server's reply, the images it was shown, and the run to record. */
    public record Result(ReportDraft draft, List<KeyImage> images, RunFacts run) {
    }

    /**
     * Sends the request (the labels drawn over the key images are the case's label map) and waits for the reply, streaming its text to the listener.
     *
     * @throws ReportServerException with a one-line reason when the server cannot be reached, refuses or times out
     */
    public static Result request(CaseAnatomy anatomy, Volume labels, LabelDescriptions names, DisplayWindow window,
                                 ReportServerConfig config, String examination, TokenListener listener,
                                 Cancellation cancellation) throws ReportServerException {
        if (anatomy.image() == null) {
            throw new IllegalArgumentException("a report server needs the case's image to see");
        }
        List<KeyImage> images = KeyImageRenderer.render(anatomy.image(), keySlices(anatomy.anatomy()), window,
                LabelOverlay.of(labels, names, 0.35));
        ReportPrompt prompt = ReportPrompt.builder().examination(examination).addImages(images).build();
        Instant started = Instant.now();
        ReportDraft draft = ReportGeneration.run(config, prompt, listener, cancellation);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("server", config.baseUrl().toString());
        parameters.put("temperature", config.temperature());
        parameters.put("maxTokens", config.maxTokens());
        parameters.put("keySlices", images.stream().map(KeyImage::slice).toList());
        parameters.put("window", window.describe());
        parameters.put("finishReason", draft.finishReason());
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(parameters);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("request parameters could not be written as JSON", e);
        }
        return new Result(draft, images, new RunFacts(draft.model(), null, null, json, "openai-compatible", "server",
                started, Instant.now()));
    }

    /**
     * Axial slices through the centroids of the largest structures, at most {@link #MAX_KEY_IMAGES}, in
     * slice order; the middle slice when the segmentation holds nothing.
     */
    static int[] keySlices(AnatomyMap anatomy) {
        var grid = anatomy.grid();
        List<VoxelMask> masks = new ArrayList<>();
        for (int label : anatomy.presentLabels()) {
            masks.add(anatomy.mask(label));
        }
        masks.sort(Comparator.comparingInt(VoxelMask::count).reversed());
        TreeSet<Integer> slices = new TreeSet<>();
        for (VoxelMask m : masks) {
            if (slices.size() == MAX_KEY_IMAGES) {
                break;
            }
            var c = grid.lpsToIndex().apply(m.centroidLps());
            slices.add((int) Math.max(0, Math.min(grid.sizeZ() - 1, Math.round(c.z()))));
        }
        if (slices.isEmpty()) {
            slices.add(grid.sizeZ() / 2);
        }
        return slices.stream().mapToInt(Integer::intValue).toArray();
    }
}
