package dev.attest.app.export.objects;

import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A label map the project keeps as mask evidence, read with its names (the ITK-SNAP description written beside it
 * when the case was added, else the NIfTI's own label table) and where each label lies.
 */
record LabelMap(ArtifactRef artifact, Volume labels, LabelDescriptions names, LabelExtents extents) {

    static LabelMap load(ProjectStore store, ArtifactRef artifact) throws IOException {
        Path file = store.resolveArtifact(artifact);
        NiftiImage nifti = NiftiReader.read(file);
        Path sidecar = LabelDescriptions.sidecarOf(file);
        LabelDescriptions names = Files.isRegularFile(sidecar) ? LabelDescriptions.readItkSnap(sidecar)
                : LabelDescriptions.fromNifti(nifti);
        return new LabelMap(artifact, nifti.volume(), names, LabelExtents.of(nifti.volume()));
    }

    /** The label's name, or "label N" when the map does not name it. */
    String nameOf(int label) {
        return names.get(label).map(LabelDescription::name).filter(n -> !n.isBlank()).orElse("label " + label);
    }

    Optional<LabelDescription> description(int label) {
        return names.get(label);
    }
}
