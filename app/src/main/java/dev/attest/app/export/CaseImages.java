package dev.attest.app.export;

import dev.attest.annotation.model.ReviewCase;
import dev.attest.app.open.OpenedImage;
import dev.attest.app.review.CaseReopen;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.labels.LabelFormatException;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriteOptions;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.DicomDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a case's image and its label and heat-map artifacts into a set as NIfTI, re-written by Attest's own
 * writer from voxels and geometry alone: whatever text the source header carried (description, intent name,
 * extensions) stays behind, and the description field holds the case pseudonym.
 */
final class CaseImages {
    private CaseImages() {
    }

    /**
     * A case's image as read for the export.
     *
     * @param opened  the image, or null when it could not be read
     * @param file    its NIfTI in the set, or null
     * @param header  the DICOM header of its first slice before de-identification (for the free-text redactor and
     *                the DICOM export), or null when it did not come from DICOM
     * @param problem why the image is missing (workstation only: it can name paths), or null
     */
    record Read(OpenedImage opened, String file, DicomDataset header, String problem) {
    }

    /** Reads the case's image where the project says it is and writes images/&lt;case&gt;.nii.gz. */
    static Read image(ReviewCase c, String caseId, SetFiles files, ProgressListener progress, Cancellation cancel)
            throws IOException {
        OpenedImage opened;
        try {
            opened = CaseReopen.image(c, progress, cancel);
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.attest.core.progress.CancelledException ce) {
                throw ce;
            }
            // A case whose image has moved is reported and exported without it; it never stops the rest.
            return new Read(null, null, null, "case " + c.id() + " (" + caseId + "): image not read: " + e.getMessage());
        }
        String rel = SetLayout.IMAGES + "/" + caseId + ".nii.gz";
        Volume v = opened.volume();
        v.setName(caseId);
        NiftiWriter.write(v, files.resolve(rel), NiftiWriteOptions.DEFAULTS, progress, cancel);
        files.register(rel, "the image of " + caseId + " (NIfTI-1, RAS+ affine from the DICOM/NIfTI geometry)");
        DicomDataset header = opened.stack() != null && !opened.stack().frames().isEmpty()
                ? opened.stack().frames().get(0).file().dataset() : null;
        return new Read(opened, rel, header, null);
    }

    /**
     * Re-writes a label map or heat map artifact under rel, with its label names (from the ITK-SNAP description
     * beside it in the project, else from its own NIfTI label table) beside it as rel's ".labels.txt".
     */
    static void artifact(Path source, String rel, String caseId, SetFiles files, String description) throws IOException {
        NiftiImage image = NiftiReader.read(source);
        Volume v = image.volume();
        v.setName(caseId);
        NiftiWriter.write(v, files.resolve(rel));
        files.register(rel, description);
        LabelDescriptions names = LabelDescriptions.empty();
        Path sidecar = LabelDescriptions.sidecarOf(source);
        if (Files.isRegularFile(sidecar)) {
            names = LabelDescriptions.readItkSnap(sidecar);
        } else {
            try {
                names = LabelDescriptions.fromNifti(image);
            } catch (LabelFormatException e) {
                // A label table that cannot be read leaves the map without names; the voxels are still right.
            }
        }
        if (!names.isEmpty()) {
            String namesRel = LabelDescriptions.sidecarOf(Path.of(rel)).toString().replace('\\', '/');
            names.writeItkSnap(files.resolve(namesRel));
            files.register(namesRel, "label names and colours of " + rel + " (ITK-SNAP label description)");
        }
    }
}
