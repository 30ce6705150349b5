package dev.attest.app.export.objects;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.dicom.seg.SegmentationSource;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.write.InstanceReference;
import dev.attest.dicom.write.StudyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The study a case's SEG and SR join, with exported UIDs only. A DICOM case keeps its own study, frame of reference
 * and source images, every UID remapped as the de-identified images' are, so the SEG's frames refer to the
 * exported images slice by slice. A NIfTI case has no DICOM study to join: it gets a new study and frame of
 * reference (UIDs derived from the case, so stable across exports), and its SEG is placed by position in that
 * frame of reference with no image references, which PS3.3 allows and dciodvfy accepts.
 */
final class ExportStudy {
    private final StudyContext study;
    private final SegmentationSource dicom;

    private ExportStudy(StudyContext study, SegmentationSource dicom) {
        this.study = study;
        this.dicom = dicom;
    }

    static ExportStudy of(CaseObjectsInput in, ExportUids uids) {
        if (in.dicomSource().isEmpty()) {
            return new ExportStudy(PseudonymousStudy.of(in.casePseudonym(), uids.derived("study"),
                    uids.derived("frame-of-reference"), "", true), null);
        }
        StackGeometry stack = in.dicomSource().get();
        // Blank study and series UIDs of the source get stand-ins derived from its first SOP Instance UID here,
        // which are then remapped like every other UID.
        SegmentationSource original = SegmentationSource.of(stack);
        StudyContext source = original.study();
        StudyContext study = PseudonymousStudy.of(in.casePseudonym(), uids.source(source.studyInstanceUid()),
                uids.source(source.frameOfReferenceUid()), source.positionReferenceIndicator(), false);
        List<SegmentationSource.SourceSlice> slices = new ArrayList<>();
        for (SegmentationSource.SourceSlice s : original.slices()) {
            slices.add(new SegmentationSource.SourceSlice(s.position(), s.image().map(r -> new InstanceReference(
                    uids.source(r.studyInstanceUid()), uids.source(r.seriesInstanceUid()), r.sopClassUid(),
                    uids.source(r.sopInstanceUid()))), s.frameNumber()));
        }
        return new ExportStudy(study, new SegmentationSource(original.grid(), slices, study, original.sliceThickness(),
                original.spacingBetweenSlices()));
    }

    StudyContext study() {
        return study;
    }

    boolean isDicom() {
        return dicom != null;
    }

    /**
     * What a label map on {@code labelGrid} is written against: the DICOM series when the map lies on its grid
     * (empty when it does not: the SEG's frames must be the series' slices), else a new source in the case's
     * synthesised study.
     */
    Optional<SegmentationSource> sourceFor(ImageGrid labelGrid) {
        if (dicom == null) {
            return Optional.of(SegmentationSource.of(labelGrid, study));
        }
        return dicom.grid().sameGeometry(labelGrid, CaseGeometry.SAME_GRID_MM) ? Optional.of(dicom) : Optional.empty();
    }

    /** The exported references of the source images, in slice order; empty for a NIfTI case. */
    List<InstanceReference> sourceImages() {
        return dicom == null ? List.of() : dicom.sourceImages();
    }

    /** The exported Series Instance UID of the source images. */
    Optional<String> sourceSeriesUid() {
        return sourceImages().stream().map(InstanceReference::seriesInstanceUid).findFirst();
    }
}
