package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.RegularGridResampler;
import dev.attest.dicom.series.SeriesSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code attest convert PATH OUT.nii.gz}: one DICOM series to NIfTI with its true geometry. */
@Command(name = "convert", description = "Convert a DICOM series (or a single file) to NIfTI (.nii or .nii.gz).")
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "folder, zip, DICOMDIR or file")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output .nii or .nii.gz")
    Path output;

    @Option(names = "--series", paramLabel = "UID", description = "Series Instance UID (needed when PATH holds several series)")
    String seriesUid;

    @Option(names = "--volume", paramLabel = "N", defaultValue = "1",
            description = "which volume of a split series (1 = largest; see attest info)")
    int volume;

    @Option(names = "--resample", description = "write an orthogonal, evenly spaced grid (for tilted or irregular series) instead of the true geometry")
    boolean resample;

    @Override
    public Integer call() throws Exception {
        SeriesSelector.Opened opened = SeriesSelector.open(input, seriesUid, volume);
        for (DicomScanner.Problem p : opened.problems()) {
            System.err.println("attest: skipped " + p.source() + ": " + p.message());
        }
        SeriesSelector.Selection sel = opened.selection();
        Volume vol = opened.volume();
        boolean resampled = false;
        if (resample && !sel.stack().isRegular()) {
            vol = RegularGridResampler.resample(sel.stack(), vol);
            resampled = true;
        }
        NiftiWriter.write(vol, output);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("output", output.toString());
        report.put("seriesInstanceUid", sel.series().seriesInstanceUid());
        report.put("volume", sel.volumeNumber());
        report.put("of", sel.series().stacks().size());
        report.put("datatype", vol.type().name().toLowerCase());
        report.putAll(SeriesReport.grid(vol.grid()));
        report.put("resampled", resampled);
        java.util.List<Object> warnings = new java.util.ArrayList<>((java.util.List<?>) SeriesReport.volume(sel.stack()).get("warnings"));
        if (resampled) {
            warnings.add(Map.of("kind", "RESAMPLED", "message", vol.properties().get("resampled")));
        } else if (!sel.stack().isRegular()) {
            warnings.add(Map.of("kind", "TRUE_GEOMETRY", "message",
                    "written with the acquired (irregular or sheared) geometry; --resample gives an orthogonal, evenly spaced grid"));
        }
        report.put("warnings", warnings);
        System.out.println(new ObjectMapper().writeValueAsString(report));
        return 0;
    }
}
