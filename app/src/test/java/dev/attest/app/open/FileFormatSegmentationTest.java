package dev.attest.app.open;

import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.write.SeriesWriter;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.RunOptions;
import dev.attest.inference.run.SegmentationRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * One image, two files: the built-in model segments a phantom the same whether it is opened from NIfTI (spacing
 * stored as float32: 1.4 mm is 1.39999998) or from its DICOM series (1.4 as text). The phantom is 76 voxels of
 * 1.4 mm across, so the network grid's count, (76 − 1) · 1.4 / 6 = 17.5, and source planes 15, 45 and 75 (at
 * network coordinates 3.5, 10.5 and 17.5) sit exactly on the halves where storage rounding used to decide.
 */
class FileFormatSegmentationTest {
    @TempDir
    static Path dir;

    @Test
    void niftiAndDicomCopiesOfOneImageGiveTheSameLabels() throws Exception {
        CtPhantom.Result phantom = CtPhantom.generate(76, 76, 24, 1.4, 2.5, 0, 3);
        Path nifti = dir.resolve("ct.nii.gz");
        NiftiWriter.write(phantom.ct(), nifti);
        Path dicom = dir.resolve("dicom");
        SeriesWriter.write(phantom.ct(), dicom, SeriesWriter.SeriesInfo.ct("Format^Test", "F1", "format"),
                TransferSyntax.EXPLICIT_VR_LE);
        OpenedImage fromNifti = ImageLoader.loadNifti(nifti);
        StudyScan scan = StudyScan.scan(List.of(dicom), ProgressListener.NONE, new Cancellation());
        var series = scan.studies().get(0).series().get(0);
        OpenedImage fromDicom = ImageLoader.load(series, series.stacks().get(0), ProgressListener.NONE, new Cancellation());
        assertNotEquals(fromDicom.volume().grid().spacing().x(), fromNifti.volume().grid().spacing().x(),
                "the premise: NIfTI's float32 spacing is not DICOM's 1.4");

        ModelRegistry models = ModelRegistry.standard(dir.resolve("models"), dir.resolve("cache"));
        ModelManifest manifest = models.entry("demo-ct-seg").manifest();
        PatchPredictor predictor = models.open("demo-ct-seg", DeviceChoice.CPU);
        Volume a = segment(manifest, predictor, fromDicom.volume());
        Volume b = segment(manifest, predictor, fromNifti.volume());
        var g = a.grid();
        int differing = 0;
        long labelled = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    differing += a.getStored(x, y, z) != b.getStored(x, y, z) ? 1 : 0;
                    labelled += a.getStored(x, y, z) != 0 ? 1 : 0;
                }
            }
        }
        assertEquals(0, differing, "voxels labelled differently out of " + labelled + " labelled");
    }

    private static Volume segment(ModelManifest manifest, PatchPredictor predictor, Volume image) throws Exception {
        InferenceResult r = SegmentationRun.run(manifest, predictor, image, RunOptions.defaults(), (d, t, w) -> { },
                new Cancellation());
        return r.labels();
    }
}
