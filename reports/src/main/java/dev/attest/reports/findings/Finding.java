package dev.attest.reports.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.attest.core.geometry.Vec3;
import dev.attest.reports.lexicon.Side;

/**
 * The one finding a report sentence carries, with every value measured for it.
 *
 * @param label                 label value in the label map
 * @param component             the lesion's component number (1 = largest of its label); 0 for an organ
 * @param meanValue             mean of the image over the finding's voxels (null without an image)
 * @param longestAxialDiameterMm edge-to-edge longest axial diameter (lesions only; see MaskExtent)
 * @param maxExtentMm           edge-to-edge largest 3D extent (lesions only)
 * @param side                  the side the sentence states: a paired organ's own side, or for a lesion the
 *                              side of its centroid relative to {@code sideReferenceX}
 * @param sideReferenceX        patient x (mm) a lesion's side was judged from: the body midline, or the
 *                              centroid of the unpaired organ it lies in
 * @param locationLabel         the label of the structure a lesion lies in (null for organs and for a lesion
 *                              with no organ around it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(FindingKind kind, int label, String labelName, String concept, int component, long voxelCount,
                      double volumeMl, Double meanValue, String valueUnit, Double longestAxialDiameterMm,
                      Double maxExtentMm, Vec3 centroidLps, Side side, Double sideReferenceX, Integer locationLabel,
                      String locationName) {
}
