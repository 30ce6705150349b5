package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.OrientationLabels;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.SliceNavigator;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.overlay.BoxMarker;
import dev.attest.viewer.overlay.HeatMapLayer;
import dev.attest.viewer.overlay.Overlay;
import dev.attest.viewer.overlay.OverlayCompositor;
import dev.attest.viewer.overlay.PointMarker;
import dev.attest.viewer.render.ColorBar;
import dev.attest.viewer.render.ColourRenderer;
import dev.attest.viewer.render.GreyLut;
import dev.attest.viewer.render.GreyRenderer;
import dev.attest.core.volume.ColourVolume;
import dev.attest.viewer.render.WindowLevel;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Draws one view into a graphics context of w × h pixels: the slice resliced for exactly those
 * pixels with the raster overlays, then box and point markers, crosshair, extension layers,
 * letters, text and the colour bar. The same code draws the screen and the ×k exports, which
 * differ only in the transform and size they are given.
 */
final class ViewPainter {

    /** Colour bar geometry in screen pixels (times uiScale): its left edge is this far from the right edge. */
    static final double BAR_FROM_RIGHT = 72;
    static final double BAR_TOP = 28;
    static final double BAR_WIDTH = 12;
    /** The bar's height as a share of the view's height. */
    static final double BAR_HEIGHT_SHARE = 0.35;

    /** What one paint shows. */
    record Frame(Volume volume, ColourVolume colour, StandardView view, ViewTransform transform, Vec3 crosshair,
            WindowLevel window, boolean inverted, Interpolation interpolation, List<Overlay> overlays, List<ViewLayer> layers) {
    }

    /** The last screen-resolution reslice, reused while plane, zoom, pan and size stay the same. */
    private SliceImage display;
    private Volume displayVolume;
    private Interpolation displayInterpolation;
    private final OverlayCompositor compositor = new OverlayCompositor();

    /** The voxels of a shown overlay changed in place: sample them again at the next paint. */
    void overlayVoxelsChanged() {
        compositor.forgetSamples();
    }
    private GreyLut lut;
    /** The ARGB buffer of grey slices, kept between paints of the same size. */
    private int[] pixels;

    void paint(GraphicsContext g, int w, int h, Frame f) {
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, w, h);
        if (f == null || f.transform() == null || w < 1 || h < 1) {
            return;
        }
        ViewTransform t = f.transform();
        SliceImage shown = displaySlice(f, w, h);
        int[] argb;
        if (f.colour() != null) {
            // Colour images have no window: their channels are resliced on the same pixels and shown as they are.
            int[] base = ColourRenderer.render(ColourRenderer.resliceLike(f.colour(), shown, f.interpolation()));
            argb = compositor.composite(base, shown, f.overlays());
        } else {
            // The repaint path: one pass through the cached window table and label blend tables into a kept buffer.
            if (pixels == null || pixels.length != w * h) {
                pixels = new int[w * h];
            }
            argb = pixels;
            compositor.render(shown, greyLut(f), f.overlays(), argb);
        }
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        g.setImageSmoothing(false);
        g.drawImage(fx, 0, 0);
        drawMarkers(g, f);
        drawCrosshair(g, t, f.crosshair());
        for (ViewLayer layer : f.layers()) {
            g.save();
            layer.paint(g, t);
            g.restore();
        }
        drawText(g, w, h, f);
        HeatMapLayer top = null;
        for (Overlay o : f.overlays()) {
            if (o.visible() && o instanceof HeatMapLayer hm) {
                top = hm;
            }
        }
        if (top != null) {
            drawColorBar(g, w, h, t.uiScale(), top.colorBar());
        }
    }

    /** MONOCHROME1 volumes show low values white; the reader's invert flips that again. */
    static GreyRenderer greyRenderer(Frame f) {
        boolean monochrome1 = "MONOCHROME1".equals(f.volume().properties().getOrDefault("photometric", "").strip());
        return new GreyRenderer(f.window(), f.inverted() != monochrome1);
    }

    /** The window table of the frame, rebuilt only when window or inversion changed since the last paint. */
    private GreyLut greyLut(Frame f) {
        GreyRenderer r = greyRenderer(f);
        if (lut == null || !lut.window().equals(r.window()) || lut.inverted() != r.inverted()) {
            lut = GreyLut.of(r.window(), r.inverted());
        }
        return lut;
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

    private static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    private static void drawMarkers(GraphicsContext g, Frame f) {
        ViewTransform t = f.transform();
        double k = t.uiScale();
        double step = new SliceNavigator(f.volume(), t.plane()).step();
        g.setFont(Font.font(12 * k));
        g.setLineWidth(2 * k);
        for (Overlay o : f.overlays()) {
            if (!o.visible()) {
                continue;
            }
            if (o instanceof BoxMarker box) {
                List<Vec3> section = box.section(t.plane());
                if (section.isEmpty()) {
                    continue;
                }
                double[] xs = new double[section.size()];
                double[] ys = new double[section.size()];
                double minX = Double.POSITIVE_INFINITY;
                double minY = Double.POSITIVE_INFINITY;
                for (int i = 0; i < xs.length; i++) {
                    double[] s = t.lpsToScreen(section.get(i));
                    xs[i] = s[0];
                    ys[i] = s[1];
                    minX = Math.min(minX, s[0]);
                    minY = Math.min(minY, s[1]);
                }
                g.setStroke(color(box.rgb()));
                g.strokePolygon(xs, ys, xs.length);
                g.setFill(color(box.rgb()));
                g.fillText(box.name(), minX, minY - 4 * k);
            } else if (o instanceof PointMarker point && point.shownOn(t.plane(), step)) {
                double[] s = t.lpsToScreen(point.position());
                double r = 5 * k;
                g.setStroke(color(point.rgb()));
                g.strokeOval(s[0] - r, s[1] - r, 2 * r, 2 * r);
                g.strokeLine(s[0] - 2 * r, s[1], s[0] - r, s[1]);
                g.strokeLine(s[0] + r, s[1], s[0] + 2 * r, s[1]);
                g.setFill(color(point.rgb()));
                g.fillText(point.name(), s[0] + 2.5 * r, s[1] - r);
            }
        }
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

    /**
     * A vertical bar, high values at the top, one row of whole pixels per colour so that each row
     * shows exactly the map's colour at t = 1 − (row + ½) / height; ticks and labels to its right.
     */
    static void drawColorBar(GraphicsContext g, int w, int h, double k, ColorBar bar) {
        int x = (int) Math.round(w - BAR_FROM_RIGHT * k);
        int top = (int) Math.round(BAR_TOP * k);
        int width = (int) Math.round(BAR_WIDTH * k);
        int height = (int) Math.round(h * BAR_HEIGHT_SHARE);
        if (height < 8) {
            return;
        }
        // A dark backdrop keeps the tick labels readable over bright tissue or the heat map itself.
        g.setFill(Color.rgb(0, 0, 0, 0.55));
        // A long unit goes above the bar, where the view has no orientation letter to cover.
        double extra = bar.caption().isEmpty() ? 0 : 14 * k;
        g.fillRect(x - 6 * k, top - 10 * k - extra, w - x + 4 * k, height + 20 * k + extra);
        for (int row = 0; row < height; row++) {
            g.setFill(color(bar.map().rgbAt(1 - (row + 0.5) / height)));
            g.fillRect(x, top + row, width, 1);
        }
        g.setStroke(Color.LIGHTGRAY);
        g.setLineWidth(k);
        g.strokeRect(x - 0.5 * k, top - 0.5 * k, width + k, height + k);
        g.setFill(Color.LIGHTGRAY);
        g.setFont(Font.font(11 * k));
        for (ColorBar.Tick tick : bar.ticks()) {
            double y = top + height * (1 - tick.position());
            g.strokeLine(x + width, y, x + width + 4 * k, y);
            g.fillText(tick.label(), x + width + 6 * k, y + 4 * k);
        }
        if (!bar.caption().isEmpty()) {
            g.fillText(bar.caption(), x - 4 * k, top - 12 * k);
        }
    }

    private static void drawText(GraphicsContext g, int w, int h, Frame f) {
        double k = f.transform().uiScale();
        OrientationLabels letters = OrientationLabels.of(f.transform().plane());
        g.setFill(Color.rgb(255, 220, 120));
        g.setFont(Font.font(14 * k));
        g.fillText(letters.left(), 6 * k, h / 2.0);
        g.fillText(letters.right(), w - 12 * k * letters.right().length() - 6 * k, h / 2.0);
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
