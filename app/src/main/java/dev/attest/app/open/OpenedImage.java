package dev.attest.app.open;

import dev.attest.core.volume.ColourVolume;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.viewer.render.WindowLevel;

import java.util.List;

/**
 * A volume ready to show: what it is called, the warnings the reader must see (tilt, gaps,
 * lossy compression, split series, skipped files), the window to start with, and the DICOM
 * Series Instance UID and stack when it came from DICOM (so SEG objects can be placed on it).
 */
public record OpenedImage(Volume volume, String title, String modality, List<String> warnings, WindowLevel window,
                          String seriesInstanceUid, StackGeometry stack, ColourVolume colour) {
    /** Whether the image is RGB (or palette colour made RGB): shown as it is, without a window. */
    public boolean isColour() {
        return colour != null;
    }
}
