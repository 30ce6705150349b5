package dev.attest.app.review;

import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.ImageLoader;
import dev.attest.app.open.OpenedImage;
import dev.attest.app.open.StudyScan;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.series.DicomSeries;
import dev.attest.dicom.series.DicomStudy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens a project's case again from what the project recorded: its image from the case's image reference
 * (the NIfTI file, or the series with the case's UID in the recorded folder) and its newest label-map
 * artifact. What a review-only session needs: no model, no engine.
 */
public final class CaseReopen {
    private CaseReopen() {
    }

    /**
     * Reads the case's image.
     *
     * @throws NoSuchFileException if the case records no image or the image is no longer where it was
     * @throws IOException if the folder no longer holds the case's series, or reading fails
     */
    public static OpenedImage image(ReviewCase c, ProgressListener progress, Cancellation cancel) throws IOException {
        if (c.imageRef() == null) {
            throw new NoSuchFileException(c.studyRef(), null, "the project does not record where this case's image is;"
                    + " open the image and add the case again");
        }
        Path where = Path.of(c.imageRef());
        if (!Files.exists(where)) {
            throw new NoSuchFileException(where.toString(), null, "the image of case " + c.studyRef()
                    + " is no longer there");
        }
        if (Files.isRegularFile(where) && StudyScan.isNifti(where)) {
            return ImageLoader.loadNifti(where);
        }
        String uid = CaseRefs.seriesUid(c.studyRef());
        StudyScan scan = StudyScan.scan(List.of(where), progress, cancel);
        for (DicomStudy study : scan.studies()) {
            for (DicomSeries series : study.series()) {
                if ((uid == null || uid.equals(series.seriesInstanceUid())) && !series.stacks().isEmpty()) {
                    return ImageLoader.load(series, series.stacks().get(0), progress, cancel);
                }
            }
        }
        throw new IOException(where + " no longer holds series " + (uid != null ? uid : c.studyRef()) + " of this case");
    }

    /**
     * The newest label map of the case: the artifact of the newest mask evidence of a segmentation finding
     * (grounded sentence and phrase regions are masks too, but not label maps).
     */
    public static Optional<Path> labelMap(ProjectStore store, long caseId) {
        return CaseAnatomy.newestLabelMapEvidence(store, caseId).map(e -> store.resolveArtifact(e.evidence().artifact()));
    }
}
