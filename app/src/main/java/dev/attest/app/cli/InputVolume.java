package dev.attest.app.cli;

import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesSelector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens what a command names as its image: a NIfTI file, or a DICOM folder, zip or file (one series). */
final class InputVolume {
    private InputVolume() {
    }

    /**
     * The image's volume; files skipped while scanning DICOM are listed on stderr.
     *
     * @param seriesUid the series to take when the input holds several, or null
     */
    static Volume open(Path in, String seriesUid) throws Exception {
        String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(in) && (name.endsWith(".nii") || name.endsWith(".nii.gz"))) {
            return NiftiReader.read(in).volume();
        }
        SeriesSelector.Opened opened = SeriesSelector.open(in, seriesUid, 1);
        for (DicomScanner.Problem p : opened.problems()) {
            System.err.println("attest: skipped " + p.source() + ": " + p.message());
        }
        return opened.volume();
    }
}
