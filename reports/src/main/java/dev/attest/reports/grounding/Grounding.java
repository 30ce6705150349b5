package dev.attest.reports.grounding;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.attest.core.geometry.Vec3;
import dev.attest.reports.evidence.PatientBox;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.lexicon.Part;
import dev.attest.reports.lexicon.Side;

import java.util.List;
import java.util.Objects;

/** Where a sentence points in the patient: a region with its box, or the reason it points nowhere. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Grounding.Grounded.class, name = "grounded"),
    @JsonSubTypes.Type(value = Grounding.Ungrounded.class, name = "ungrounded")})
public sealed interface Grounding {

    ParsedPhrase phrase();

    /**
     * A sentence placed in the patient.
     *
     * @param concept        the concept the sentence is about (a lesion, or the organ itself)
     * @param labels         the label values holding the region's voxels, ascending
     * @param locationConcept the anatomy the sentence places it in (null for a lesion named without a place)
     * @param region         the grounded voxels on the label map's grid (never empty)
     * @param box            the region's bounding box in patient mm
     * @param sideReferenceX the patient x (mm) that the side was judged from; null if no side was named
     */
    record Grounded(ParsedPhrase phrase, String concept, List<Integer> labels, List<String> labelNames,
                    String locationConcept, List<Integer> locationLabels, Side side, Double sideReferenceX,
                    List<Part> parts, VoxelMask region, PatientBox box, Vec3 centroidLps) implements Grounding {
        public Grounded {
            labels = List.copyOf(labels);
            labelNames = List.copyOf(labelNames);
            locationLabels = locationLabels == null ? List.of() : List.copyOf(locationLabels);
            parts = List.copyOf(parts);
            if (region.isEmpty()) {
                throw new IllegalArgumentException("a grounded region cannot be empty");
            }
        }
    }

    /** A sentence that could not be placed, with the typed reason and a sentence saying what was missing. */
    record Ungrounded(ParsedPhrase phrase, UngroundedReason reason, String detail) implements Grounding {
        public Ungrounded {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
