package dev.attest.core.nifti;

import java.util.List;
import java.util.Objects;

/**
 * How {@link NiftiWriter} writes a file: the preferred header version (NIfTI-2 is used anyway when
 * NIfTI-1 cannot record the image) and extension blocks to carry, such as a label table.
 */
public record NiftiWriteOptions(NiftiVersion version, List<NiftiExtension> extensions) {

    public static final NiftiWriteOptions DEFAULTS = new NiftiWriteOptions(NiftiVersion.NIFTI_1, List.of());

    public NiftiWriteOptions {
        Objects.requireNonNull(version, "version");
        extensions = List.copyOf(extensions);
    }

    public NiftiWriteOptions withVersion(NiftiVersion version) {
        return new NiftiWriteOptions(version, extensions);
    }

    public NiftiWriteOptions withExtensions(List<NiftiExtension> extensions) {
        return new NiftiWriteOptions(version, extensions);
    }
}
