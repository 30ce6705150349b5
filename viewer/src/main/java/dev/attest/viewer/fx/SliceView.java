package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.ColourVolume;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.SliceNavigator;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.overlay.LabelLayer;
import dev.attest.viewer.overlay.Overlay;
import dev.attest.viewer.overlay.OverlayStack;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.WindowLevel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One MPR view (axial, coronal or sagittal) of a volume, as a reading workstation shows it: the
 * slice through the shared crosshair with the shared window/level and inversion, zoom to cursor,
 * pan, fit/reset, nearest or linear interpolation, slice scrolling by wheel and keys, cine,
 * orientation letters, overlays, extension layers and tools, and export as PNG at ×k resolution.
 *
 * <p>The image drawn is resliced from the volume at screen resolution for exactly the region on
 * screen, so magnification interpolates once, from the voxels, with the chosen interpolation; the
 * slice at the volume's own spacing (what tools measure on) is kept in the {@link ViewTransform}.
 */
public final class SliceView extends Region {
    /** Zoom relative to fit is kept within these bounds so the image neither vanishes nor explodes. */
    static final double MIN_ZOOM = 1.0 / 16;
    static final double MAX_ZOOM = 64;
    /** The wheel's zoom step with Ctrl held. */
    static final double WHEEL_ZOOM = 1.25;
    /** Slices moved by PageUp / PageDown. */
    static final int PAGE_SLICES = 10;

    private final Canvas canvas = new Canvas();
    private final StandardView view;
    private final ObjectProperty<Crosshair> crosshair;
    private final ObjectProperty<WindowLevel> windowLevel;
    private final BooleanProperty inverted;
    private final ObjectProperty<Interpolation> interpolation = new SimpleObjectProperty<>(Interpolation.LINEAR);
    private final List<ViewLayer> layers = new ArrayList<>();
    private final ViewPainter painter = new ViewPainter();
    private final Timeline cine = new Timeline();
    private Volume volume;
    private WindowLevel initialWindow;
    private SliceImage image;
    /** The interpolation {@link #image} was resliced with. */
    private Interpolation imageInterpolation;
    private ViewTransform transform;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double lastX;
    private double lastY;
    private Drag drag = Drag.NONE;
    private ViewTool tool;
    private Consumer<SliceNavigator.CursorReadout> onCursor = r -> { };
    private LabelLayer ownLabels;
    private OverlayStack overlays;
    private final Runnable overlaysChanged = this::requestRepaint;

    /** What a drag does when the tool leaves it to the view. */
    private enum Drag { NONE, WINDOW, PAN }

    /** A view with its own inversion switch; window/level and crosshair are shared with the others. */
    private ColourVolume colour;

    public SliceView(StandardView view, ObjectProperty<Crosshair> crosshair, ObjectProperty<WindowLevel> windowLevel) {
        this(view, crosshair, windowLevel, new SimpleBooleanProperty(false));
    }

    /** A view sharing crosshair, window/level and inversion with the other views given the same properties. */
    public SliceView(StandardView view, ObjectProperty<Crosshair> crosshair, ObjectProperty<WindowLevel> windowLevel,
            BooleanProperty inverted) {
        this.view = Objects.requireNonNull(view, "view");
        this.crosshair = Objects.requireNonNull(crosshair, "crosshair");
        this.windowLevel = Objects.requireNonNull(windowLevel, "windowLevel");
        this.inverted = Objects.requireNonNull(inverted, "inverted");
        getChildren().add(canvas);
        setStyle("-fx-background-color: black;");
        setMinSize(64, 64);
        setFocusTraversable(true);
        crosshair.addListener((o, a, b) -> redraw());
        windowLevel.addListener((o, a, b) -> redraw());
        inverted.addListener((o, a, b) -> redraw());
        interpolation.addListener((o, a, b) -> redraw());
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
        cine.setCycleCount(Animation.INDEFINITE);
        setTool(BuiltInTool.NAVIGATE);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    // ---- content -----------------------------------------------------------------------------

    /** Shows a volume; the window current now becomes the one {@link #reset()} returns to. */
    public void setVolume(Volume volume) {
        this.colour = null;
        this.volume = volume;
        this.initialWindow = windowLevel.get();
        this.image = null;
        redraw();
    }

    /**
     * Shows an RGB or palette-colour volume: its channels are resliced and drawn as they are (no
     * window/level); the red channel carries the geometry for the crosshair, readout and overlays.
     */
    public void setColourVolume(ColourVolume colourVolume) {
        setVolume(colourVolume.red());
        this.colour = colourVolume;
        redraw();
    }

    public Volume volume() {
        return volume;
    }

    /**
     * Shows a label map (any grid in the same patient space) in this view only, under the shared
     * overlays; null removes it. The shared {@link #setOverlays} is the way for several views.
     */
    public void setLabels(Volume labels, LabelOverlay overlay) {
        ownLabels = labels == null || overlay == null ? null
                : new LabelLayer("labels", labels, overlay.table(), overlay.opacity(), overlay.mode(), true);
        requestRepaint();
    }

    /** Shows the overlays of a stack shared by the views; each change to it repaints this view. Null shows none. */
    public void setOverlays(OverlayStack stack) {
        if (overlays != null) {
            overlays.removeListener(overlaysChanged);
        }
        overlays = stack;
        if (stack != null) {
            stack.addListener(overlaysChanged);
        }
        requestRepaint();
    }

    public OverlayStack overlays() {
        return overlays;
    }

    public void setOnCursor(Consumer<SliceNavigator.CursorReadout> onCursor) {
        this.onCursor = Objects.requireNonNull(onCursor, "onCursor");
    }

    public StandardView view() {
        return view;
    }

    // ---- extension hooks ---------------------------------------------------------------------

    /** Adds a layer painted over the image and overlays, after those added before it. */
    public void addLayer(ViewLayer layer) {
        layers.add(Objects.requireNonNull(layer, "layer"));
        requestRepaint();
    }

    public void removeLayer(ViewLayer layer) {
        layers.remove(layer);
        requestRepaint();
    }

    /** Sets what a plain left drag and the events before the defaults do; the previous tool is detached. */
    public void setTool(ViewTool newTool) {
        Objects.requireNonNull(newTool, "tool");
        if (tool != null) {
            tool.detached(this);
        }
        tool = newTool;
        tool.attached(this);
    }

    public void setTool(BuiltInTool kind) {
        setTool(kind.create(this));
    }

    public ViewTool tool() {
        return tool;
    }

    /** Repaints from the slices already sampled, e.g. after a layer changed; does not reslice. */
    public void requestRepaint() {
        paintScreen();
    }

    /**
     * Repaints after the voxels of a shown overlay changed in place (a label map being edited): the view
     * keeps each overlay's samples of the slice on screen between repaints, so a plain repaint would show
     * the slice as it was.
     */
    public void overlayVoxelsChanged() {
        painter.overlayVoxelsChanged();
        paintScreen();
    }

    /** The mapping of what is on screen now, or null before a volume is shown. */
    public ViewTransform transform() {
        return transform;
    }

    // ---- view state ----------------------------------------------------------------------------

    public ObjectProperty<Interpolation> interpolationProperty() {
        return interpolation;
    }

    public void setInterpolation(Interpolation value) {
        interpolation.set(Objects.requireNonNull(value, "interpolation"));
    }

    /** Inversion of the grey scale, shared with the views built with the same property. */
    public BooleanProperty invertedProperty() {
        return inverted;
    }

    public void setInverted(boolean value) {
        inverted.set(value);
    }

    public void toggleInverted() {
        inverted.set(!inverted.get());
    }

    /** Zoom relative to the fitted image (1 = the slice just fits the view). */
    public double zoom() {
        return zoom;
    }

    /**
     * Zooms by a factor keeping the patient point under screen point (x, y) where it is on screen:
     * with u = (x − offset) / scale − ½ fixed, the new offset is x − (u + ½) · newScale.
     */
    public void zoomBy(double factor, double x, double y) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        ensureImage();
        if (image == null) {
            return;
        }
        double newZoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * factor));
        double fit = fitScale();
        double scale = fit * zoom;
        double newScale = fit * newZoom;
        double u = (x - offsetX(scale)) / scale;
        double v = (y - offsetY(scale)) / scale;
        zoom = newZoom;
        panX += x - u * newScale - offsetX(newScale);
        panY += y - v * newScale - offsetY(newScale);
        redraw();
    }

    /** Zooms about the middle of the view. */
    public void zoomBy(double factor) {
        zoomBy(factor, getWidth() / 2, getHeight() / 2);
    }

    /** Moves the image by (dx, dy) screen pixels. */
    public void panBy(double dx, double dy) {
        panX += dx;
        panY += dy;
        redraw();
    }

    /** Fits the slice to the view, centred: zoom 1, no pan. */
    public void fit() {
        zoom = 1;
        panX = 0;
        panY = 0;
        redraw();
    }

    /** Fits, and puts window/level back to the one current when the volume was set. */
    public void reset() {
        fit();
        if (initialWindow != null) {
            windowLevel.set(initialWindow);
        }
    }

    /** Changes window/level as a drag of (dx, dy) screen pixels does: 2 units per pixel, right widens, down raises the level. */
    public void adjustWindow(double dx, double dy) {
        WindowLevel wl = windowLevel.get();
        windowLevel.set(new WindowLevel(wl.centre() + dy * 2, Math.max(1, wl.width() + dx * 2)));
    }

    /** Moves the shared crosshair (and so every view's plane) to an LPS point. */
    public void moveCrosshairTo(Vec3 lps) {
        crosshair.set(new Crosshair(lps));
    }

    // ---- slices and cine -------------------------------------------------------------------------

    private SliceNavigator navigator() {
        return new SliceNavigator(volume, crosshair.get().plane(view));
    }

    /** Index of the slice through the crosshair, from 0; -1 without a volume. */
    public int sliceIndex() {
        return volume == null ? -1 : navigator().sliceIndex(crosshair.get().point());
    }

    /** Slices along this view's normal; 0 without a volume. */
    public int sliceCount() {
        return volume == null ? 0 : navigator().sliceCount();
    }

    /** Moves the crosshair by whole slices along this view's normal (positive: towards the next). */
    public void scrollSlices(int slices) {
        if (volume != null) {
            crosshair.set(crosshair.get().scrolled(navigator(), slices));
        }
    }

    /** Moves the crosshair onto a slice (clamped to the volume), keeping its in-plane position. */
    public void goToSlice(int slice) {
        if (volume != null) {
            SliceNavigator nav = navigator();
            int clamped = Math.max(0, Math.min(nav.sliceCount() - 1, slice));
            crosshair.set(new Crosshair(nav.toSlice(crosshair.get().point(), clamped)));
        }
    }

    /** One cine frame: the next slice, wrapping from the last to the first. */
    void cineStep() {
        if (volume != null) {
            int next = sliceIndex() + 1;
            goToSlice(next >= sliceCount() || next < 0 ? 0 : next);
        }
    }

    /** Plays through the slices at the given rate, wrapping at the end, until {@link #stopCine()}. */
    public void playCine(double framesPerSecond) {
        if (!(framesPerSecond > 0) || framesPerSecond > 1000) {
            throw new IllegalArgumentException("cine rate must be in (0, 1000] frames per second: " + framesPerSecond);
        }
        cine.stop();
        cine.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / framesPerSecond), e -> cineStep()));
        cine.play();
    }

    public void stopCine() {
        cine.stop();
    }

    public boolean isCinePlaying() {
        return cine.getStatus() == Animation.Status.RUNNING;
    }

    // ---- export ------------------------------------------------------------------------------------

    /**
     * Renders the view as on screen with its overlays and layers, at {@code factor} times the
     * screen's pixel size: the slice is resliced at 1/factor of the screen's pixel spacing and
     * lines, letters and the colour bar are drawn factor times larger. FX thread only.
     */
    public WritableImage renderImage(int factor) {
        if (factor < 1 || factor > 16) {
            throw new IllegalArgumentException("export factor must be 1 to 16: " + factor);
        }
        int w = (int) Math.ceil(getWidth()) * factor;
        int h = (int) Math.ceil(getHeight()) * factor;
        Canvas off = new Canvas(w, h);
        ensureImage();
        painter.paint(off.getGraphicsContext2D(), w, h, frame(transform == null ? null : transform.magnified(factor)));
        return off.snapshot(null, new WritableImage(w, h));
    }

    /** Writes {@link #renderImage} as a PNG file; callable from any thread (it renders on the FX thread). */
    public void writePng(Path file, int factor) throws IOException {
        WritableImage img = onFxThread(() -> renderImage(factor));
        PngWriter.write(img, file);
    }

    /** Puts {@link #renderImage} on the system clipboard. FX thread only. */
    public void copyToClipboard(int factor) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(renderImage(factor));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static <T> T onFxThread(java.util.function.Supplier<T> work) throws IOException {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering the view", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("could not render the view", e.getCause());
        }
    }

    // ---- events --------------------------------------------------------------------------------------

    private void onScroll(ScrollEvent e) {
        if (transform != null && tool.scrolled(e, transform) || e.getDeltaY() == 0) {
            return;
        }
        if (e.isControlDown()) {
            zoomBy(e.getDeltaY() > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, e.getX(), e.getY());
        } else {
            scrollSlices(e.getDeltaY() > 0 ? 1 : -1);
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        drag = Drag.NONE;
        if (transform == null || tool.mousePressed(e, transform)) {
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY) {
            drag = Drag.WINDOW;
        } else if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && e.isShiftDown()) {
            drag = Drag.PAN;
        }
    }

    private void onDragged(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (transform == null || tool.mouseDragged(e, transform)) {
            return;
        }
        switch (drag) {
            case WINDOW -> adjustWindow(dx, dy);
            case PAN -> panBy(dx, dy);
            case NONE -> { }
        }
    }

    private void onReleased(MouseEvent e) {
        if (transform != null) {
            tool.mouseReleased(e, transform);
        }
        drag = Drag.NONE;
    }

    private void onClicked(MouseEvent e) {
        if (transform != null) {
            tool.mouseClicked(e, transform);
        }
    }

    private void onMoved(MouseEvent e) {
        if (transform == null) {
            return;
        }
        tool.mouseMoved(e, transform);
        double[] uv = transform.screenToPixel(e.getX(), e.getY());
        onCursor.accept(new SliceNavigator(volume, image.plane()).readout(image, uv[0], uv[1]));
    }

    private void onKey(KeyEvent e) {
        if (transform == null || tool.keyPressed(e, transform)) {
            return;
        }
        switch (e.getCode()) {
            case UP -> scrollSlices(1);
            case DOWN -> scrollSlices(-1);
            case PAGE_UP -> scrollSlices(PAGE_SLICES);
            case PAGE_DOWN -> scrollSlices(-PAGE_SLICES);
            case HOME -> goToSlice(0);
            case END -> goToSlice(sliceCount() - 1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---- drawing ---------------------------------------------------------------------------------------

    private double fitScale() {
        return Math.min(Math.ceil(getWidth()) / image.width(), Math.ceil(getHeight()) / image.height());
    }

    private double offsetX(double scale) {
        return (Math.ceil(getWidth()) - image.width() * scale) / 2 + panX;
    }

    private double offsetY(double scale) {
        return (Math.ceil(getHeight()) - image.height() * scale) / 2 + panY;
    }

    /** Reslices the native slice when the plane or interpolation changed, and updates the transform. */
    private void ensureImage() {
        if (volume == null) {
            image = null;
            transform = null;
            return;
        }
        ViewPlane plane = crosshair.get().plane(view);
        if (image == null || !image.plane().equals(plane) || imageInterpolation != interpolation.get()) {
            imageInterpolation = interpolation.get();
            image = PlaneResampler.resample(volume, plane, imageInterpolation);
        }
        if (getWidth() >= 1 && getHeight() >= 1) {
            double scale = fitScale() * zoom;
            transform = new ViewTransform(image, scale, offsetX(scale), offsetY(scale), 1);
        }
    }

    private ViewPainter.Frame frame(ViewTransform t) {
        List<Overlay> shown = new ArrayList<>();
        if (ownLabels != null) {
            shown.add(ownLabels);
        }
        if (overlays != null) {
            shown.addAll(overlays.visible());
        }
        return new ViewPainter.Frame(volume, colour, view, t, crosshair.get().point(), windowLevel.get(), inverted.get(),
                interpolation.get(), shown, List.copyOf(layers));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.ceil(getWidth()));
        canvas.setHeight(Math.ceil(getHeight()));
    }

    private void redraw() {
        ensureImage();
        paintScreen();
    }

    private void paintScreen() {
        int w = (int) Math.ceil(getWidth());
        int h = (int) Math.ceil(getHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        painter.paint(canvas.getGraphicsContext2D(), w, h, volume == null || transform == null ? null : frame(transform));
    }
}
