package dev.attest.app.review;

import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores a volume in a project as a compressed NIfTI artifact: written to a temporary file, copied in by the
 * store (which takes its sha256), the temporary file removed. One writer for every mask the review code keeps.
 */
final class NiftiArtifacts {
    private NiftiArtifacts() {
    }

    /**
     * Stores the volume under the name, with its label names beside it as an ITK-SNAP description when there
     * are any (written first, so a map never lies in the project without its names).
     *
     * @param what what the volume is, for the error message
     */
    static ArtifactRef store(ProjectStore store, Volume volume, String name, LabelDescriptions names, String what) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("attest-artifact", ".nii.gz");
            if (names != null && !names.isEmpty()) {
                names.writeItkSnap(tmp);
                store.importArtifact(tmp, LabelDescriptions.sidecarOf(Path.of(name)).toString());
            }
            NiftiWriter.write(volume, tmp);
            return store.importArtifact(tmp, name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + what + " to " + tmp, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
