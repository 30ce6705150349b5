package dev.attest.app.open;

import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.labels.LabelValues;
import dev.attest.core.volume.Volume;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.InferenceRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a model run puts over the image: its label map with the manifest's names and colours, and its
 * first probability map as a heat map on the 0..1 scale. The same loaders' records the file-based
 * overlays use, so a model's output and a file opened by hand look and behave alike.
 */
public final class ModelOverlays {

    private ModelOverlays() {
    }

    /**
     * Labels covering more than this fraction of the image (a body outline, a whole-brain mask) start
     * hidden, as the demo's ground truth hides "body": drawn filled they would tint everything and hide
     * the organs the reader came to check. One click in the legend shows them.
     */
    static final double ENVELOPE_FRACTION = 0.25;

    public static LabelMapLoader.LabelMap labels(ModelManifest manifest, InferenceResult result) {
        Volume labels = result.labels();
        long total = labels.grid().voxelCount();
        java.util.Map<Integer, Long> voxels = new java.util.HashMap<>();
        result.volumes().forEach(v -> voxels.put(v.value(), v.voxels()));
        List<LabelDescription> names = new ArrayList<>();
        for (OutputLabel l : InferenceRunner.segmentationOutput(manifest).labels()) {
            if (l.value() != 0) {
                boolean envelope = voxels.getOrDefault(l.value(), 0L) > ENVELOPE_FRACTION * total;
                names.add(new LabelDescription(l.value(), l.name(), l.rgb(), !envelope));
            }
        }
        return new LabelMapLoader.LabelMap(List.of(labels), new LabelDescriptions(names), manifest.id(),
                LabelValues.present(labels));
    }

    /** The first probability map ("prob-K"), if the run kept one. */
    public static Optional<HeatMapLoader.HeatMap> heatMap(ModelManifest manifest, InferenceResult result) {
        for (Map.Entry<String, Volume> e : result.maps().entrySet()) {
            if (e.getKey().startsWith("prob-")) {
                String name = e.getValue().name() == null ? e.getKey() : e.getValue().name();
                return Optional.of(new HeatMapLoader.HeatMap(e.getValue(), manifest.id() + ": " + name, 0, 1, 0.2,
                        "probability"));
            }
        }
        return Optional.empty();
    }
}
