package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.OrientationLabels;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.SliceNavigator;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.render.Argb;
import dev.attest.viewer.render.GreyRenderer;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.WindowLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.function.Consumer;

/**
 * One MPR view (axial, coronal or sagittal) of a volume: the slice through the shared crosshair,
 * window/level applied, square pixels in millimetres, orientation letters on every edge and the
 * crosshair drawn. Wheel scrolls slices, left click moves the crosshair, right drag changes
 * window/level. All geometry and mapping come from the headless mpr and render packages.
 */
public final class SliceView extends Region {
    private final Canvas canvas = new Canvas();
    private final StandardView view;
    private final ObjectProperty<Crosshair> crosshair;
    private final ObjectProperty<WindowLevel> windowLevel;
    private Volume volume;
    private Volume labels;
    private LabelOverlay labelOverlay;
    private SliceImage image;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double dragX;
    private double dragY;
    private Consumer<SliceNavigator.CursorReadout> onCursor = r -> { };

    public SliceView(StandardView view, ObjectProperty<Crosshair> crosshair, ObjectProperty<WindowLevel> windowLevel) {
        this.view = view;
        this.crosshair = crosshair;
        this.windowLevel = windowLevel;
        getChildren().add(canvas);
        setStyle("-fx-background-color: black;");
        setMinSize(64, 64);
        crosshair.addListener((o, a, b) -> redraw());
        windowLevel.addListener((o, a, b) -> redraw());
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
        canvas.setOnScroll(e -> {
            if (volume != null && e.getDeltaY() != 0) {
                SliceNavigator nav = new SliceNavigator(volume, crosshair.get().plane(view));
                crosshair.set(crosshair.get().scrolled(nav, e.getDeltaY() > 0 ? 1 : -1));
            }
        });
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            if (e.getButton() == MouseButton.PRIMARY && image != null) {
                crosshair.set(crosshair.get().clickedAt(image, toU(e.getX()), toV(e.getY())));
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                WindowLevel wl = windowLevel.get();
                double width = Math.max(1, wl.width() + (e.getX() - dragX) * 2);
                windowLevel.set(new WindowLevel(wl.centre() + (e.getY() - dragY) * 2, width));
                dragX = e.getX();
                dragY = e.getY();
            }
        });
        canvas.setOnMouseMoved(e -> {
            if (image != null && volume != null) {
                onCursor.accept(new SliceNavigator(volume, image.plane()).readout(image, toU(e.getX()), toV(e.getY())));
            }
        });
    }

    public void setVolume(Volume volume) {
        this.volume = volume;
        redraw();
    }

    /** Shows a label map (any grid in the same patient space) over the image; null removes it. */
    public void setLabels(Volume labels, LabelOverlay overlay) {
        this.labels = labels;
        this.labelOverlay = overlay;
        redraw();
    }

    public void setOnCursor(Consumer<SliceNavigator.CursorReadout> onCursor) {
        this.onCursor = onCursor;
    }

    public StandardView view() {
        return view;
    }

    private double toU(double x) {
        return (x - offsetX) / scale - 0.5;
    }

    private double toV(double y) {
        return (y - offsetY) / scale - 0.5;
    }

    /** The label at each pixel centre: nearest voxel of the label map's own grid (labels are never interpolated). */
    private int[] labelsUnder(SliceImage img) {
        float[] sampled = PlaneResampler.resampleLike(labels, img, Interpolation.NEAREST).values();
        int[] out = new int[sampled.length];
        for (int i = 0; i < sampled.length; i++) {
            out[i] = Float.isNaN(sampled[i]) ? 0 : Math.round(sampled[i]);
        }
        return out;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void redraw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, w, h);
        if (volume == null || w < 2 || h < 2) {
            return;
        }
        ViewPlane plane = crosshair.get().plane(view);
        image = PlaneResampler.resample(volume, plane, Interpolation.LINEAR);
        int[] argb = new GreyRenderer(windowLevel.get(), false).render(image.values(), image.width(), image.height());
        if (labels != null && labelOverlay != null) {
            argb = Argb.composite(argb, labelOverlay.render(labelsUnder(image), image.width(), image.height()));
        }
        WritableImage fx = new WritableImage(image.width(), image.height());
        fx.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getIntArgbInstance(), argb, 0, image.width());
        scale = Math.min(w / image.width(), h / image.height());
        offsetX = (w - image.width() * scale) / 2;
        offsetY = (h - image.height() * scale) / 2;
        g.setImageSmoothing(true);
        g.drawImage(fx, offsetX, offsetY, image.width() * scale, image.height() * scale);
        double[] at = crosshair.get().inView(image);
        double cx = offsetX + (at[0] + 0.5) * scale;
        double cy = offsetY + (at[1] + 0.5) * scale;
        g.setStroke(Color.rgb(255, 200, 0, 0.6));
        g.setLineWidth(1);
        g.strokeLine(cx, offsetY, cx, offsetY + image.height() * scale);
        g.strokeLine(offsetX, cy, offsetX + image.width() * scale, cy);
        OrientationLabels labels = OrientationLabels.of(plane);
        g.setFill(Color.rgb(255, 220, 120));
        g.setFont(Font.font(14));
        g.fillText(labels.left(), 6, h / 2);
        g.fillText(labels.right(), w - 18, h / 2);
        g.fillText(labels.top(), w / 2 - 4, 16);
        g.fillText(labels.bottom(), w / 2 - 4, h - 6);
        SliceNavigator nav = new SliceNavigator(volume, plane);
        Vec3 p = crosshair.get().point();
        g.setFill(Color.LIGHTGRAY);
        g.setFont(Font.font(12));
        g.fillText(view.name().charAt(0) + view.name().substring(1).toLowerCase() + "  " + (nav.sliceIndex(p) + 1) + "/"
                + nav.sliceCount() + "  W " + Math.round(windowLevel.get().width()) + " L "
                + Math.round(windowLevel.get().centre()), 6, h - 6);
    }
}
