package dev.attest.reports.llm;

import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Volume;
import java.util.List;
import java.util.Objects;

/**
 * A label map to blend over key images: the label volume (same grid as the image), the labels to
 * draw with their names and colours, and the opacity of the colour over the grey.
 */
public record LabelOverlay(Volume labels, List<LabelDescription> drawn, double opacity) {

    public LabelOverlay {
        Objects.requireNonNull(labels, "labels");
        drawn = List.copyOf(drawn);
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be between 0 and 1, got " + opacity);
        }
    }

    /** Draws the labels of a description table that are marked visible. */
    public static LabelOverlay of(Volume labels, LabelDescriptions descriptions, double opacity) {
        return new LabelOverlay(labels, descriptions.all().stream().filter(LabelDescription::visible).toList(), opacity);
    }
}
