package dev.attest.app.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.series.DicomSeries;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SEG whose frame lies on a coarser in-plane grid than its CT (made by
 * tools/fixtures/make_seg_other_grid.py from highdicom's single-frame SEG: every second row and
 * column, pixels twice as large) is resampled onto the CT by nearest neighbour and shown.
 */
class SegOnOtherGridTest {
    private static final Path SEG_SR = Path.of(System.getProperty("attest.data", "../../shared/data"), "seg-sr");

    private static OpenedImage ct() throws Exception {
        StudyScan scan = StudyScan.scan(List.of(SEG_SR.resolve("highdicom_ct_image.dcm")), ProgressListener.NONE, new Cancellation());
        DicomSeries series = scan.studies().get(0).series().get(0);
        return ImageLoader.load(series, series.stacks().get(0), ProgressListener.NONE, new Cancellation());
    }

    @Test
    void segOnACoarserGridIsResampledNearestOntoTheImageWithANotice() throws Exception {
        OpenedImage ct = ct();
        // The original SEG lies on the CT's own grid: placed voxel for voxel, nothing to tell.
        LabelMapLoader.LabelMap original = LabelMapLoader.loadSegmentation(SEG_SR.resolve("highdicom_seg_single_frame.dcm"), ct);
        assertEquals("", original.notice());
        Volume fine = original.layers().get(0);

        Path coarseFile = Path.of(SegOnOtherGridTest.class.getResource("/fixtures/seg-other-grid/seg_64_on_ct_128.dcm").toURI());
        LabelMapLoader.LabelMap coarse = LabelMapLoader.loadSegmentation(coarseFile, ct);
        assertTrue(coarse.notice().startsWith("resampled (nearest) from its own 64x64x1 grid of 1.323 x 1.323 x "),
                coarse.notice());
        assertEquals(List.of(1), coarse.present());
        Volume on = coarse.layers().get(0);
        assertEquals(ct.volume().grid(), on.grid());
        // Coarse pixel (r, c) holds the original's (2r, 2c), and CT pixel (r, c) is nearest to coarse (r / 2, c / 2).
        long labelled = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                double expected = fine.getStored(2 * (x / 2), 2 * (y / 2), 0);
                assertEquals(expected, on.getStored(x, y, 0), "voxel " + x + ", " + y);
                labelled += expected != 0 ? 1 : 0;
            }
        }
        // 457 coarse pixels were labelled (make_seg_other_grid.py), each now 2 x 2 CT pixels.
        assertEquals(4 * 457, labelled);
    }
}
