package dev.attest.app.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.Evidence;
import dev.attest.app.review.CaseImport;
import dev.attest.core.geometry.Vec3;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a piece of evidence lies, as far as the project records it: a mask's centroid and label value (from the
 * method JSON that {@link CaseImport} writes), else a point or the centre of a box in the geometry JSON (keys
 * {@code point_lps_mm}, {@code min_lps_mm}/{@code max_lps_mm}, as the review code writes them).
 *
 * @param labelMap   the label-map artifact to overlay, or null when the evidence has none
 * @param labelValue the label of the evidence in that map, or null
 * @param lps        the point to slice through, in LPS millimetres
 */
record EvidenceLocation(ArtifactRef labelMap, Integer labelValue, Vec3 lps) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The location of the evidence, or empty when it records none. Unreadable JSON counts as no location: a
     * report should still come out, and the evidence then simply has no key image.
     */
    static Optional<EvidenceLocation> of(Evidence e) {
        try {
            Optional<CaseImport.MaskTarget> mask = CaseImport.target(e);
            if (mask.isPresent()) {
                return Optional.of(new EvidenceLocation(e.artifact(), mask.get().labelValue(), mask.get().centroidLps()));
            }
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        if (e.geometryJson() == null || e.geometryJson().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode g = JSON.readTree(e.geometryJson());
            Integer label = g.hasNonNull("label") ? g.get("label").asInt() : null;
            Vec3 point = vec(g.get("point_lps_mm"));
            if (point != null) {
                return Optional.of(new EvidenceLocation(null, label, point));
            }
            Vec3 min = vec(g.get("min_lps_mm"));
            Vec3 max = vec(g.get("max_lps_mm"));
            if (min != null && max != null) {
                return Optional.of(new EvidenceLocation(null, label, min.add(max).scale(0.5)));
            }
            return Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Vec3 vec(JsonNode n) {
        if (n == null || !n.isArray() || n.size() != 3 || !n.get(0).isNumber() || !n.get(1).isNumber()
                || !n.get(2).isNumber()) {
            return null;
        }
        return new Vec3(n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble());
    }
}
