package dev.attest.dicom.seg;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Uids;
import dev.attest.dicom.series.ImageFrame;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.write.InstanceReference;
import dev.attest.dicom.write.StudyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Segmentation is drawn on: the source grid, each slice's position and (for a DICOM
 * source) the image it came from, and the patient/study context the SEG joins.
 *
 * @param grid               the source grid; masks must lie on it
 * @param slices             one per grid slice, in slice order
 * @param study              patient, study and frame of reference
 * @param sliceThickness     Slice Thickness for the Pixel Measures macro, mm
 * @param spacingBetweenSlices distance between slice planes along their normal, mm
 */
public record SegmentationSource(ImageGrid grid, List<SourceSlice> slices, StudyContext study, double sliceThickness,
                                 double spacingBetweenSlices) {

    /**
     * One slice of the source.
     *
     * @param position Image Position (Patient) of its first pixel, LPS mm
     * @param image    the source image, absent for a source without DICOM
     * @param frameNumber for a multi-frame source image, the 1-based frame; 0 for a single-frame image
     */
    public record SourceSlice(Vec3 position, Optional<InstanceReference> image, int frameNumber) {
        public SourceSlice {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(image, "image");
        }
    }

    public SegmentationSource {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(study, "study");
        slices = List.copyOf(slices);
        if (slices.size() != grid.sizeZ()) {
            throw new IllegalArgumentException("the grid has " + grid.sizeZ() + " slices but " + slices.size() + " were described");
        }
        if (!(sliceThickness > 0) || !(spacingBetweenSlices > 0)) {
            throw new IllegalArgumentException("slice thickness and spacing must be positive, got " + sliceThickness
                    + " and " + spacingBetweenSlices);
        }
    }

    /**
     * A DICOM series as assembled by the series layer: the stack's grid, each frame's own Image
     * Position (so irregular stacks keep their true positions), SOP Instance UIDs and study.
     *
     * <p>Anonymisers sometimes blank Study and Series Instance UID (the TotalSegmentator example
     * does); both are Type 1 in a SEG and its references, so a blank one is replaced by a UID
     * derived from the stack's first SOP Instance UID: stable for the same series, and the same in
     * every object written from this source.
     */
    public static SegmentationSource of(StackGeometry stack) {
        DicomFile first = stack.frames().get(0).file();
        StudyContext study = StudyContext.of(first.dataset(), Uids.fromName("attest:study-of:" + first.sopInstanceUid()));
        String fallbackSeries = Uids.fromName("attest:series-of:" + first.sopInstanceUid());
        List<SourceSlice> slices = new ArrayList<>();
        for (ImageFrame frame : stack.frames()) {
            DicomFile file = frame.file();
            boolean multiFrame = file.dataset().getInt(Tag.NumberOfFrames, 1) > 1;
            String series = file.dataset().getString(Tag.SeriesInstanceUID, "");
            InstanceReference image = new InstanceReference(study.studyInstanceUid(), series.isEmpty() ? fallbackSeries : series,
                    file.sopClassUid(), file.sopInstanceUid());
            slices.add(new SourceSlice(frame.position(), Optional.of(image), multiFrame ? frame.frameIndex() + 1 : 0));
        }
        double thickness = first.dataset().getDouble(Tag.SliceThickness, stack.spacing());
        return new SegmentationSource(stack.grid(), slices, study, thickness > 0 ? thickness : stack.spacing(), stack.spacing());
    }

    /**
     * A source without DICOM (a NIfTI volume): slice positions from the grid, no image
     * references, and the given (usually {@link StudyContext#synthesised synthesised}) context.
     */
    public static SegmentationSource of(ImageGrid grid, StudyContext study) {
        List<SourceSlice> slices = new ArrayList<>();
        for (int z = 0; z < grid.sizeZ(); z++) {
            slices.add(new SourceSlice(grid.indexToLps().apply(0, 0, z), Optional.empty(), 0));
        }
        Vec3 normal = grid.axisDirection(0).cross(grid.axisDirection(1)).normalized();
        double spacing = Math.abs(grid.indexToLps().column(2).dot(normal));
        return new SegmentationSource(grid, slices, study, spacing, spacing);
    }

    /** True when the slices reference DICOM source images (then the SEG carries derivation references). */
    public boolean hasSourceImages() {
        return slices.stream().anyMatch(s -> s.image().isPresent());
    }

    /** The distinct source images, in slice order. */
    public List<InstanceReference> sourceImages() {
        return slices.stream().flatMap(s -> s.image().stream()).distinct().toList();
    }
}
