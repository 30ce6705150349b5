package dev.attest.core.nifti;

import dev.attest.core.volume.Volume;
import java.util.List;

/**
 * A NIfTI file as read: its header, the image as an LPS volume, its extensions, and warnings about
 * anything read leniently (such as extra volumes of a 4D file that were skipped).
 */
public record NiftiImage(NiftiHeader header, Volume volume, List<NiftiExtension> extensions, List<String> warnings) {

    public NiftiImage {
        extensions = List.copyOf(extensions);
        warnings = List.copyOf(warnings);
    }
}
