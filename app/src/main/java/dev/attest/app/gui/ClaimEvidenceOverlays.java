package dev.attest.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.HeatMapLoader;
import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.overlay.BoxMarker;
import javafx.application.Platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Draws the boxes and heat map of the claim being looked at over the image, replacing those of the claim shown
 * before: each BOX evidence as a box marker and the claim's HEATMAP artifact as the heat map, read on a thread
 * of its own and shown from the threshold its method records (a grounding model's: what it counts as the
 * grounded region). The best box is cyan and named by rank and score, the others magenta and unnamed: a model's
 * boxes often share a corner, where the viewer writes names, and overlapping names read as neither. Masks stay
 * with the label overlay. A heat map that did not come from a claim (a run's probability) is replaced, never removed.
 */
final class ClaimEvidenceOverlays {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The best box, then the others: cyan and magenta stand out on grey CT and from the yellow editing marks. */
    private static final int BEST = 0x00E5FF;
    private static final int OTHER = 0xFF4FD8;

    private final MainWindow w;
    private final List<BoxMarker> boxes = new ArrayList<>();
    /** The claim heat map on screen, or null when the heat map (if any) is not a claim's. */
    private ArtifactRef heat;
    /** The claim heat map being read, so a read that finishes after another claim was chosen is dropped. */
    private ArtifactRef wanted;
    /**
     * Heat maps are read on a thread of their own, not through the window's one background job: choosing claims
     * (J/K) must never cancel an export or a model run that is going on.
     */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attest-claim-heatmap");
        t.setDaemon(true);
        return t;
    });

    ClaimEvidenceOverlays(MainWindow w) {
        this.w = w;
    }

    /** The box markers on screen, best first. */
    List<BoxMarker> boxes() {
        return List.copyOf(boxes);
    }

    /** Shows the claim's boxes and heat map; a claim without them clears those of the claim before. */
    void show(ProjectStore store, List<Evidence> evidence) {
        boxes.forEach(b -> w.overlayStack().remove(b));
        boxes.clear();
        Evidence heatEvidence = null;
        for (Evidence e : evidence) {
            if (e.kind() == EvidenceKind.BOX && e.geometryJson() != null) {
                JsonNode g = read(e.geometryJson());
                if (g.has("min_lps_mm") && g.has("max_lps_mm")) {
                    JsonNode m = e.methodJson() == null ? JSON.createObjectNode() : read(e.methodJson());
                    boolean best = boxes.isEmpty();
                    boxes.add(BoxMarker.of(best ? name(m) : "", vec(g.get("min_lps_mm")), vec(g.get("max_lps_mm")),
                            best ? BEST : OTHER));
                }
            } else if (e.kind() == EvidenceKind.HEATMAP && e.artifact() != null && heatEvidence == null) {
                heatEvidence = e;
            }
        }
        // Drawn in reverse so the best box lies on top where boxes share an edge.
        for (int i = boxes.size() - 1; i >= 0; i--) {
            w.overlayStack().add(boxes.get(i));
        }
        wanted = heatEvidence == null ? null : heatEvidence.artifact();
        if (heatEvidence == null) {
            if (heat != null) {
                w.overlays().removeHeatMap();
                heat = null;
            }
        } else if (!heatEvidence.artifact().equals(heat)) {
            load(store, heatEvidence);
        }
    }

    /**
     * Shows a claim's heat map already in memory (just stored), so choosing its claim does not read it again.
     *
     * @throws IllegalArgumentException when the map is zero everywhere
     */
    void showHeatMap(Evidence evidence, dev.attest.core.volume.Volume values, String name) {
        show(evidence, HeatMapLoader.of(values, name, ""));
    }

    private void show(Evidence evidence, HeatMapLoader.HeatMap map) {
        w.overlays().showHeatMap(fromRecordedThreshold(evidence, map));
        heat = evidence.artifact();
        wanted = heat;
    }

    /** The map shown from the threshold its evidence records, kept inside its display range; else as loaded. */
    static HeatMapLoader.HeatMap fromRecordedThreshold(Evidence evidence, HeatMapLoader.HeatMap map) {
        if (evidence.methodJson() == null || !read(evidence.methodJson()).has("threshold")) {
            return map;
        }
        double t = Math.max(map.min(), Math.min(map.max(), read(evidence.methodJson()).get("threshold").asDouble()));
        return new HeatMapLoader.HeatMap(map.values(), map.name(), map.min(), map.max(), t, map.unit());
    }

    /** Where to look at the evidence: the best box's centre, else the heat map's peak (as its method records it). */
    static Optional<Vec3> focus(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.kind() == EvidenceKind.BOX && e.geometryJson() != null) {
                JsonNode g = read(e.geometryJson());
                if (g.has("min_lps_mm") && g.has("max_lps_mm")) {
                    return Optional.of(vec(g.get("min_lps_mm")).add(vec(g.get("max_lps_mm"))).scale(0.5));
                }
            }
        }
        for (Evidence e : evidence) {
            if (e.kind() == EvidenceKind.HEATMAP && e.methodJson() != null && read(e.methodJson()).has("peakLps")) {
                return Optional.of(vec(read(e.methodJson()).get("peakLps")));
            }
        }
        return Optional.empty();
    }

    /** Another heat map (a file, a model run's probability) took the claim's place: it is not the claim's to remove. */
    void heatMapReplaced() {
        heat = null;
        wanted = null;
    }

    /** A new image: the stack was cleared with it. */
    void reset() {
        boxes.clear();
        heat = null;
        wanted = null;
    }

    private void load(ProjectStore store, Evidence evidence) {
        var file = store.resolveArtifact(evidence.artifact());
        reader.submit(() -> {
            HeatMapLoader.HeatMap map;
            try {
                map = HeatMapLoader.load(file);
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> w.say("could not show the heat map of the claim: " + e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                if (evidence.artifact().equals(wanted)) {
                    show(evidence, map);
                }
            });
        });
    }

    /** "1 · 0.74" for a model's best box, "box" for a box without rank (a grounded region's extent). */
    private static String name(JsonNode method) {
        if (method.has("rank") && method.has("score")) {
            return String.format(Locale.ROOT, "%d \u00B7 %.2f", method.get("rank").asInt(), method.get("score").asDouble());
        }
        return "box";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable evidence JSON: " + e.getMessage(), e);
        }
    }

    private static Vec3 vec(JsonNode a) {
        return new Vec3(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble());
    }
}
