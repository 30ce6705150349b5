package dev.attest.dicom.seg;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.series.ImageFrame;
import dev.attest.dicom.series.StackGeometry;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The grid a Segmentation is placed on, with, when it comes from a DICOM series, the slice each
 * source image became: frames are placed by position, and by these references when a frame has
 * no position.
 *
 * @param grid                the target grid (the source series' own)
 * @param frameOfReferenceUid the target's Frame of Reference UID, or "" when unknown
 * @param sliceOfSource       slice index by SOP Instance UID (single-frame sources) or by
 *                            "UID#frame" with the 1-based frame number (multi-frame sources)
 */
public record TargetGrid(ImageGrid grid, String frameOfReferenceUid, Map<String, Integer> sliceOfSource) {

    public TargetGrid {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        sliceOfSource = Map.copyOf(sliceOfSource);
    }

    /** A bare grid (a NIfTI volume, a resampled grid): placement by position only. */
    public static TargetGrid of(ImageGrid grid) {
        return new TargetGrid(grid, "", Map.of());
    }

    /** The grid of an assembled DICOM stack, with its slices' source references. */
    public static TargetGrid of(StackGeometry stack) {
        Map<String, Integer> slices = new HashMap<>();
        for (int z = 0; z < stack.frames().size(); z++) {
            ImageFrame frame = stack.frames().get(z);
            DicomFile file = frame.file();
            String uid = file.sopInstanceUid();
            if (file.dataset().getInt(Tag.NumberOfFrames, 1) > 1) {
                slices.put(uid + "#" + (frame.frameIndex() + 1), z);
            } else {
                slices.put(uid, z);
            }
        }
        String frameOfReference = stack.frames().get(0).file().dataset().getString(Tag.FrameOfReferenceUID, "");
        return new TargetGrid(stack.grid(), frameOfReference, slices);
    }

    /** The slice of a referenced source image, if it is part of this grid. */
    public OptionalInt sliceOf(SegFrame.SourceImage source) {
        Integer z = sliceOfSource.get(source.sopInstanceUid());
        if (z == null) {
            z = sliceOfSource.get(source.sopInstanceUid() + "#" + Math.max(1, source.frameNumber()));
        }
        return z == null ? OptionalInt.empty() : OptionalInt.of(z);
    }
}
