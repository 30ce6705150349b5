package dev.attest.viewer.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelValues;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.render.GreyLut;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.render.WindowLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repaint's table-driven single pass against the formulas written out plainly here (DICOM
 * LINEAR window, then "over" per channel), on every pixel of real slices of the TotalSegmentator
 * example CT with its 117-label segmentation.
 */
class FastRepaintTest {

    private static Volume ct;
    private static Volume seg;

    @BeforeAll
    static void read() throws IOException {
        Path data = Path.of(System.getProperty("attest.data", "../../shared/data"));
        ct = NiftiReader.read(data.resolve("nifti/totalsegmentator_example_ct_sm.nii.gz")).volume();
        seg = NiftiReader.read(data.resolve("nifti/totalsegmentator_example_seg.nii.gz")).volume();
    }

    /** PS3.3 C.11.2.1.2.1 LINEAR, rounded half up; NaN (no data) black; inverted as 255 - y. */
    private static int plainGrey(float value, WindowLevel w, boolean inverted) {
        if (Float.isNaN(value)) {
            return 0;
        }
        double x = value;
        double c = w.centre();
        double width = w.width();
        int y;
        if (x <= c - 0.5 - (width - 1) / 2) {
            y = 0;
        } else if (x > c - 0.5 + (width - 1) / 2) {
            y = 255;
        } else {
            y = (int) Math.floor(((x - (c - 0.5)) / (width - 1) + 0.5) * 255 + 0.5);
        }
        return inverted ? 255 - y : y;
    }

    private static int plainPixel(float value, int label, boolean drawn, WindowLevel w, boolean inverted,
            LabelTable table, double opacity) {
        int g = plainGrey(value, w, inverted);
        if (!drawn || label == 0 || !table.isVisible(label)) {
            return 0xFF000000 | g << 16 | g << 8 | g;
        }
        int a = (int) Math.round(255 * opacity);
        int rgb = table.get(label).rgb();
        int out = 0xFF000000;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int o = rgb >> shift & 0xFF;
            out |= ((o * a + g * (255 - a) + 127) / 255) << shift;
        }
        return out;
    }

    private static boolean outline(int[] labels, int w, int h, int x, int y) {
        int l = labels[y * w + x];
        return x == 0 || y == 0 || x == w - 1 || y == h - 1 || labels[y * w + x - 1] != l
                || labels[y * w + x + 1] != l || labels[(y - 1) * w + x] != l || labels[(y + 1) * w + x] != l;
    }

    @Test
    void tableDrivenRepaintEqualsThePlainFormulasOnEveryPixelOfRealSlicesWithLabels() {
        ImageGrid g = ct.grid();
        int[] present = LabelValues.present(seg).stream().mapToInt(Integer::intValue).toArray();
        assertEquals(true, present.length >= 8, "organs in the example segmentation: " + present.length);
        LabelTable table = new LabelTable().setVisible(present[3], false).put(present[5], "custom", 0x123456);
        int checked = 0;
        for (double k : new double[] {g.sizeZ() * 0.3, g.sizeZ() * 0.55}) {
            Vec3 centre = g.indexToLps().apply((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, k);
            for (Interpolation interpolation : Interpolation.values()) {
                // A zoomed field of view (0.37 mm pixels) makes the linear slice almost all fractional values.
                SliceImage slice = interpolation == Interpolation.NEAREST
                        ? PlaneResampler.resample(ct, ViewPlane.axial(centre), interpolation)
                        : PlaneResampler.resample(ct, ViewPlane.axial(centre), 300, 280, 0.37, interpolation);
                int[] labels = OverlayCompositor.toLabels(PlaneResampler.resampleLike(seg, slice, Interpolation.NEAREST).values());
                for (WindowLevel w : List.of(WindowLevel.CT_ABDOMEN, WindowLevel.CT_BRAIN, WindowLevel.CT_BONE,
                        new WindowLevel(17.3, 1.5), new WindowLevel(-1000.25, 300000))) {
                    for (boolean inverted : new boolean[] {false, true}) {
                        for (LabelOverlay.Mode mode : LabelOverlay.Mode.values()) {
                            double opacity = mode == LabelOverlay.Mode.FILL ? 0.4 : 1.0;
                            LabelLayer layer = new LabelLayer("seg", seg, table, opacity, mode, true);
                            int[] out = new int[slice.values().length];
                            new OverlayCompositor().render(slice, GreyLut.of(w, inverted), List.of(layer), out);
                            int sw = slice.width();
                            for (int i = 0; i < out.length; i++) {
                                boolean drawn = mode == LabelOverlay.Mode.FILL || outline(labels, sw, slice.height(), i % sw, i / sw);
                                int expected = plainPixel(slice.values()[i], labels[i], drawn, w, inverted, table, opacity);
                                if (out[i] != expected) {
                                    assertEquals(Integer.toHexString(expected), Integer.toHexString(out[i]),
                                            "pixel " + i + " value " + slice.values()[i] + " label " + labels[i] + " " + w
                                                    + " inverted " + inverted + " " + mode + " " + interpolation);
                                }
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(true, checked > 2_000_000, "pixels compared: " + checked);
    }

    @Test
    void windowTableGivesTheFormulaForFloatsAroundEveryStepAndAtRandom() {
        SplittableRandom random = new SplittableRandom(7);
        for (WindowLevel w : List.of(WindowLevel.CT_ABDOMEN, WindowLevel.CT_LUNG, WindowLevel.CT_BRAIN,
                new WindowLevel(0.3, 255.7), new WindowLevel(-3.5, 2), new WindowLevel(1e6, 50000))) {
            for (boolean inverted : new boolean[] {false, true}) {
                GreyLut lut = GreyLut.of(w, inverted);
                double lo = w.lowerEdge() - 3;
                double hi = w.upperEdge() + 3;
                for (int k = (int) Math.floor(lo); k <= hi; k++) {
                    for (float v : new float[] {k, Math.nextDown((float) k), Math.nextUp((float) k), k + 0.5f}) {
                        assertEquals(plainGrey(v, w, inverted), lut.grey(v), w + " " + inverted + " at " + v);
                    }
                }
                for (int i = 0; i < 200_000; i++) {
                    float v = (float) (lo + random.nextDouble() * (hi - lo));
                    assertEquals(plainGrey(v, w, inverted), lut.grey(v), w + " " + inverted + " at " + v);
                }
                for (float v : new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -Float.MAX_VALUE}) {
                    assertEquals(plainGrey(v, w, inverted), lut.grey(v), w + " " + inverted + " at " + v);
                }
            }
        }
    }
}
