package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.OrientationLabels;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.SliceNavigator;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.Argb;
import dev.attest.viewer.render.GreyRenderer;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.WindowLevel;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Draws one view into a graphics context of w × h pixels: the slice resliced for exactly those
 * pixels, overlays, crosshair, layers, letters and text. The same code draws the screen and the
 * ×k exports, which differ only in the transform and size they are given.
 */
final class ViewPainter {

    /** What one paint shows. */
    record Frame(Volume volume, StandardView view, ViewTransform transform, Vec3 crosshair, WindowLevel window,
            boolean inverted, Interpolation interpolation, List<ViewLayer> layers) {
    }

    /** The last screen-resolution reslice, reused while plane, zoom, pan and size stay the same. */
    private SliceImage display;
    private Volume displayVolume;
    private Interpolation displayInterpolation;
    private Volume legacyLabels;
    private LabelOverlay legacyOverlay;

    void setLegacyLabels(Volume labels, LabelOverlay overlay) {
        legacyLabels = labels;
        legacyOverlay = overlay;
    }

    void paint(GraphicsContext g, int w, int h, Frame f) {
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, w, h);
        if (f == null || f.transform() == null || w < 1 || h < 1) {
            return;
        }
        ViewTransform t = f.transform();
        SliceImage shown = displaySlice(f, w, h);
        int[] argb = greyRenderer(f).render(shown.values(), w, h);
        if (legacyLabels != null && legacyOverlay != null) {
            argb = Argb.composite(argb, legacyOverlay.render(labelsUnder(legacyLabels, shown), w, h));
        }
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        g.setImageSmoothing(false);
        g.drawImage(fx, 0, 0);
        drawCrosshair(g, t, f.crosshair());
        for (ViewLayer layer : f.layers()) {
            g.save();
            layer.paint(g, t);
            g.restore();
        }
        drawText(g, w, h, f);
    }

    /** MONOCHROME1 volumes show low values white; the reader's invert flips that again. */
    static GreyRenderer greyRenderer(Frame f) {
        boolean monochrome1 = "MONOCHROME1".equals(f.volume().properties().getOrDefault("photometric", "").strip());
        return new GreyRenderer(f.window(), f.inverted() != monochrome1);
    }

    /** The slice sampled at the centre of every one of the w × h pixels, through the transform. */
    private SliceImage displaySlice(Frame f, int w, int h) {
        ViewTransform t = f.transform();
        Vec3 first = t.screenToLps(0.5, 0.5);
        double pixelMm = t.mmPerScreenPixel();
        if (display != null && displayVolume == f.volume() && displayInterpolation == f.interpolation()
                && display.width() == w && display.height() == h && display.pixelMm() == pixelMm
                && display.firstPixel().equals(first) && display.plane().equals(t.plane())) {
            return display;
        }
        SliceImage s = PlaneResampler.resample(f.volume(), t.plane(), w, h, pixelMm, first, f.interpolation());
        display = s;
        displayVolume = f.volume();
        displayInterpolation = f.interpolation();
        return s;
    }

    private static int[] labelsUnder(Volume labels, SliceImage img) {
        float[] sampled = PlaneResampler.resampleLike(labels, img, Interpolation.NEAREST).values();
        int[] out = new int[sampled.length];
        for (int i = 0; i < sampled.length; i++) {
            out[i] = Float.isNaN(sampled[i]) ? 0 : Math.round(sampled[i]);
        }
        return out;
    }

    private static void drawCrosshair(GraphicsContext g, ViewTransform t, Vec3 point) {
        SliceImage image = t.image();
        double[] c = t.lpsToScreen(point);
        double[] topLeft = t.pixelToScreen(-0.5, -0.5);
        double[] bottomRight = t.pixelToScreen(image.width() - 0.5, image.height() - 0.5);
        g.setStroke(Color.rgb(255, 200, 0, 0.6));
        g.setLineWidth(t.uiScale());
        g.strokeLine(c[0], topLeft[1], c[0], bottomRight[1]);
        g.strokeLine(topLeft[0], c[1], bottomRight[0], c[1]);
    }

    private static void drawText(GraphicsContext g, int w, int h, Frame f) {
        double k = f.transform().uiScale();
        OrientationLabels letters = OrientationLabels.of(f.transform().plane());
        g.setFill(Color.rgb(255, 220, 120));
        g.setFont(Font.font(14 * k));
        g.fillText(letters.left(), 6 * k, h / 2.0);
        g.fillText(letters.right(), w - 18 * k * letters.right().length(), h / 2.0);
        g.fillText(letters.top(), w / 2.0 - 4 * k, 16 * k);
        g.fillText(letters.bottom(), w / 2.0 - 4 * k, h - 6 * k);
        SliceNavigator nav = new SliceNavigator(f.volume(), f.transform().plane());
        String name = f.view().name().charAt(0) + f.view().name().substring(1).toLowerCase();
        g.setFill(Color.LIGHTGRAY);
        g.setFont(Font.font(12 * k));
        g.fillText(name + "  " + (nav.sliceIndex(f.crosshair()) + 1) + "/" + nav.sliceCount() + "  W "
                + Math.round(f.window().width()) + " L " + Math.round(f.window().centre()), 6 * k, h - 6 * k);
    }
}
