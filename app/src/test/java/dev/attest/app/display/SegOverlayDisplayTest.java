package dev.attest.app.display;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.seg.Segment;
import dev.attest.dicom.seg.Segmentation;
import dev.attest.dicom.seg.SegmentationReader;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.Argb;
import dev.attest.viewer.render.GreyRenderer;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.render.WindowLevel;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dcmqi liver SEG drawn over its CT in the axial view, as the workstation would: every layer
 * sampled on the CT reslice's pixel grid and painted in the segment's recommended colour. The
 * painted pixels of each slice must number exactly the reference's voxels of that slice; the
 * picture is written under target/ for a person to look at.
 */
class SegOverlayDisplayTest {
    private static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));
    private static final Path REFERENCE = Path.of("../dicom/src/test/resources/reference/seg/seg_reference.json");

    @Test
    void liverSegOverTheCtPaintsExactlyTheReferenceVoxelsOfEachSlice() throws Exception {
        JsonNode counts = new ObjectMapper().readTree(REFERENCE.toFile()).get("liver").get("sliceCounts");
        SeriesSelector.Opened ct = SeriesSelector.open(DATA.resolve("seg-sr/dcmqi_ct-3slice"), null, 1);
        Segmentation seg = SegmentationReader.read(DicomReader.read(DATA.resolve("seg-sr/dcmqi_liver_seg.dcm")),
                ct.selection().stack());
        LabelTable table = new LabelTable();
        for (Segment s : seg.segments()) {
            table.put(s.number(), s.label(), s.displayRgb().orElse(0xFFFF00));
        }
        LabelOverlay overlay = new LabelOverlay(table, 0.5, LabelOverlay.Mode.FILL);
        for (int z = 0; z < 3; z++) {
            var centre = ct.volume().grid().indexToLps().apply(255.5, 255.5, z);
            SliceImage image = PlaneResampler.resample(ct.volume(), StandardView.AXIAL.planeThrough(centre), Interpolation.NEAREST);
            int[] argb = GreyRenderer.forPhotometric(WindowLevel.CT_ABDOMEN, "MONOCHROME2")
                    .render(image.values(), image.width(), image.height());
            long painted = 0;
            for (Volume layer : seg.layers()) {
                SliceImage labels = PlaneResampler.resampleLike(layer, image, Interpolation.NEAREST);
                int[] ids = new int[labels.values().length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = Float.isNaN(labels.values()[i]) ? 0 : (int) labels.values()[i];
                }
                int[] over = overlay.render(ids, image.width(), image.height());
                for (int px : over) {
                    painted += Argb.alpha(px) > 0 ? 1 : 0;
                }
                argb = Argb.composite(argb, over);
            }
            assertEquals(counts.get(z).asLong(), painted, "slice " + z);
            if (z == 1) {
                BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
                out.setRGB(0, 0, image.width(), image.height(), argb, 0, image.width());
                Path png = Path.of("target", "seg-overlay", "liver_slice1.png");
                Files.createDirectories(png.getParent());
                ImageIO.write(out, "png", png.toFile());
            }
        }
    }
}
