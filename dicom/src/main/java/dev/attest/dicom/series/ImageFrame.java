package dev.attest.dicom.series;

import dev.attest.core.geometry.Vec3;
import dev.attest.dicom.DicomFile;

/**
 * One 2D image in patient space: a single-frame instance or one frame of a multi-frame one.
 *
 * @param file           the instance holding the pixels
 * @param frameIndex     zero-based frame within the instance
 * @param rows           image rows
 * @param columns        image columns
 * @param position       Image Position (Patient): centre of the first transmitted pixel, LPS mm
 * @param rowDirection   unit vector along a row (direction of increasing column index)
 * @param columnDirection unit vector down a column (direction of increasing row index)
 * @param rowSpacing     mm between the centres of adjacent rows (Pixel Spacing[0])
 * @param columnSpacing  mm between the centres of adjacent columns (Pixel Spacing[1])
 * @param slope          Rescale Slope for this frame
 * @param intercept      Rescale Intercept for this frame
 * @param order          acquisition ordering key (temporal position, then instance/frame number) used to split stacks that revisit a position
 * @param hasGeometry    false when the instance had no position/orientation and defaults were used
 */
public record ImageFrame(DicomFile file, int frameIndex, int rows, int columns, Vec3 position,
                         Vec3 rowDirection, Vec3 columnDirection, double rowSpacing, double columnSpacing,
                         double slope, double intercept, long order, boolean hasGeometry) {

    /** Unit normal of the image plane (row × column), pointing towards increasing slice position. */
    public Vec3 normal() {
        return rowDirection.cross(columnDirection).normalized();
    }

    /** Position along the normal, the key slices are sorted by. */
    public double distanceAlongNormal(Vec3 normal) {
        return position.dot(normal);
    }
}
