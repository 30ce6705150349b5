package dev.attest.dicom.seg;

import dev.attest.core.geometry.Vec3;

import java.util.List;

/**
 * One frame of a Segmentation: which segment it belongs to and where it lies, from its
 * per-frame functional groups (falling back to the shared ones).
 *
 * @param index           zero-based frame number in the pixel data
 * @param segmentNumber   Referenced Segment Number of its Segment Identification
 * @param position        Image Position (Patient) of its first pixel, LPS mm; null when the frame has none
 * @param rowDirection    unit vector along a row (increasing column), null without Image Orientation
 * @param columnDirection unit vector down a column (increasing row), null without Image Orientation
 * @param rowSpacing      mm between rows (Pixel Spacing[0]), NaN when absent
 * @param columnSpacing   mm between columns (Pixel Spacing[1]), NaN when absent
 * @param sources         the source images it was derived from (Derivation Image → Source Image)
 */
public record SegFrame(int index, int segmentNumber, Vec3 position, Vec3 rowDirection, Vec3 columnDirection,
                       double rowSpacing, double columnSpacing, List<SourceImage> sources) {

    /** A referenced source image: SOP Instance UID and, for multi-frame sources, the 1-based frame (0 when not given). */
    public record SourceImage(String sopInstanceUid, int frameNumber) {
    }

    public SegFrame {
        sources = List.copyOf(sources);
    }

    public boolean hasPosition() {
        return position != null;
    }

    public boolean hasOrientation() {
        return rowDirection != null && columnDirection != null;
    }
}
