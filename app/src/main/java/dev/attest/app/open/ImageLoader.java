package dev.attest.app.open;

import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.ColourVolume;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.series.ColourVolumeAssembler;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.series.DicomSeries;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.series.VolumeAssembler;
import dev.attest.viewer.render.WindowLevel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads one series stack or a NIfTI file into an {@link OpenedImage}, off the FX thread. */
public final class ImageLoader {
    private ImageLoader() {
    }

    public static OpenedImage load(DicomSeries series, StackGeometry stack, ProgressListener progress, Cancellation cancel)
            throws IOException {
        ColourVolume colour = ColourVolumeAssembler.isColour(stack) ? ColourVolumeAssembler.load(stack) : null;
        Volume volume = colour != null ? colour.red() : VolumeAssembler.load(stack, progress, cancel);
        List<String> warnings = new ArrayList<>();
        series.warnings().forEach(w -> warnings.add(w.message()));
        stack.warnings().forEach(w -> warnings.add(w.message()));
        if (series.stacks().size() > 1) {
            warnings.add("this series holds " + series.stacks().size() + " volumes; showing one of them (pick the others in the browser)");
        }
        String title = (series.description().isBlank() ? "Series " + series.seriesNumber() : series.description());
        DicomDataset head = stack.frames().get(stack.frames().size() / 2).file().dataset();
        return new OpenedImage(volume, title, series.modality(), List.copyOf(warnings),
                initialWindow(head, series.modality(), volume), series.seriesInstanceUid(), stack, colour);
    }

    public static OpenedImage loadNifti(Path file) throws IOException {
        NiftiImage image = NiftiReader.read(file);
        Volume v = image.volume();
        WindowLevel percentiles = percentileWindow(v);
        // NIfTI does not say what modality it holds; air at −1000 is the tell of CT in Hounsfield units.
        boolean hounsfield = percentiles.centre() - percentiles.width() / 2 <= -900;
        return new OpenedImage(v, file.getFileName().toString(), hounsfield ? "CT" : "", image.warnings(),
                hounsfield ? WindowLevel.CT_ABDOMEN : percentiles, null, null, null);
    }

    /**
     * The first window: the file's own Window Center/Width when it has one, else for MR (and
     * anything that is not CT) the 1st to 99th percentile of the middle slice, else CT abdomen.
     */
    static WindowLevel initialWindow(DicomDataset head, String modality, Volume volume) {
        double[] centres = head.getDoubles(Tag.WindowCenter);
        double[] widths = head.getDoubles(Tag.WindowWidth);
        if (centres != null && widths != null && centres.length > 0 && widths.length > 0 && widths[0] >= 1) {
            return WindowLevel.fromDicom(centres, widths);
        }
        return "CT".equals(modality) ? WindowLevel.CT_ABDOMEN : percentileWindow(volume);
    }

    /** The 1st to 99th percentile of the middle slice: a robust start for MR and unknown scales. */
    public static WindowLevel percentileWindow(Volume v) {
        int z = v.grid().sizeZ() / 2;
        float[] values = new float[v.grid().sizeX() * v.grid().sizeY()];
        for (int y = 0, i = 0; y < v.grid().sizeY(); y++) {
            for (int x = 0; x < v.grid().sizeX(); x++) {
                values[i++] = (float) v.getPhysical(x, y, z);
            }
        }
        return WindowLevel.fromPercentiles(values);
    }
}
