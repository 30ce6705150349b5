package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.WindowLevel;
import dev.attest.viewer.volume3d.FrameScheduler;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.RayCaster;
import dev.attest.viewer.volume3d.RenderMode;
import dev.attest.viewer.volume3d.RenderSettings;
import dev.attest.viewer.volume3d.Rendering;
import dev.attest.viewer.volume3d.TransferPreset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;

/**
 * The 3D volume-rendering view: a {@link RayCaster} frame drawn on a canvas, with a caption
 * (mode and preset) and an orientation glyph (the patient's L, P and S axes as seen).
 *
 * <p>Left-drag rotates (azimuth and elevation, {@value #DEGREES_PER_PIXEL}° per pixel), the
 * wheel and right-drag zoom, middle-drag pans. Frames are rendered on a background thread, never
 * on the FX thread. While the camera moves, frames are rendered at 1/{@value #INTERACTIVE_REDUCTION}
 * resolution, one at a time: requests arriving meanwhile replace each other and only the latest
 * is rendered. Once the camera has been still for {@value #SETTLE_MS} ms a full-resolution frame
 * follows; a result older than the frame on screen is dropped (the {@link FrameScheduler}
 * decides, with a PauseTransition as its settle timer). The camera is a property so the
 * workstation can share it with other 3D views (bind bidirectionally or pass one in).
 */
public final class VolumeView3D extends Region {
    public static final double DEGREES_PER_PIXEL = 0.5;
    public static final int INTERACTIVE_REDUCTION = FrameScheduler.INTERACTIVE_REDUCTION;
    public static final int SETTLE_MS = 150;
    /** Zoom factor per wheel notch and, as exp(pixels / 100), per pixel of right-drag upwards. */
    public static final double WHEEL_ZOOM = 1.1;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<OrbitCamera> camera;
    private final ObjectProperty<RenderMode> mode = new SimpleObjectProperty<>(RenderMode.COMPOSITE);
    private final ObjectProperty<TransferPreset> preset = new SimpleObjectProperty<>(TransferPreset.CT_BONE);
    /** Null means the volume's default window for the mode. */
    private final ObjectProperty<WindowLevel> window = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Rendering> frame = new ReadOnlyObjectWrapper<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("volume3d-render").daemon().factory());
    private final PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MS));
    private final FrameScheduler scheduler;
    private volatile RayCaster caster;
    /** Volumes handed to setVolume whose preparation has not finished yet (FX thread only). */
    private int preparing;
    private WritableImage image;
    private double pressX;
    private double pressY;
    private OrbitCamera pressCamera;
    private Consumer<Throwable> onError = e -> System.err.println("3D render failed: " + e);

    /** A view with its own camera, starting from the anterior view. */
    public VolumeView3D() {
        this(new SimpleObjectProperty<>(OrbitCamera.ANTERIOR));
    }

    /** A view driven by a shared camera property (the same object, not a copy). */
    public VolumeView3D(ObjectProperty<OrbitCamera> camera) {
        this.camera = camera;
        getChildren().add(canvas);
        setStyle("-fx-background-color: black;");
        setMinSize(64, 64);
        scheduler = new FrameScheduler(worker, Platform::runLater, new FrameScheduler.SettleTimer() {
            @Override
            public void restart() {
                settle.playFromStart();
            }

            @Override
            public void stop() {
                settle.stop();
            }
        }, this::show, e -> onError.accept(e));
        settle.setOnFinished(e -> scheduler.settled());
        camera.addListener((o, a, b) -> requestRender(true));
        mode.addListener((o, a, b) -> requestRender(false));
        preset.addListener((o, a, b) -> requestRender(false));
        window.addListener((o, a, b) -> requestRender(false));
        widthProperty().addListener((o, a, b) -> requestRender(true));
        heightProperty().addListener((o, a, b) -> requestRender(true));
        installMouse();
    }

    public ObjectProperty<OrbitCamera> cameraProperty() {
        return camera;
    }

    public ObjectProperty<RenderMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<TransferPreset> presetProperty() {
        return preset;
    }

    /** The grey window for MIP/MinIP; null (the default) uses the volume's own range. */
    public ObjectProperty<WindowLevel> windowProperty() {
        return window;
    }

    /** The frame on screen, set on the FX thread each time a newer frame is drawn. */
    public ReadOnlyObjectProperty<Rendering> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Where render failures go (default: standard error); cancellations are not failures. */
    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    /**
     * Shows volume, or nothing for null. The volume is prepared (lazy slices loaded, statistics
     * computed) on the render thread, then a full-resolution frame is drawn.
     */
    public void setVolume(Volume volume) {
        preparing++;
        worker.execute(() -> {
            try {
                caster = volume == null ? null : new RayCaster(volume);
            } catch (RuntimeException e) {
                caster = null;
                Platform.runLater(() -> onError.accept(e));
            }
            Platform.runLater(() -> {
                preparing--;
                requestRender(false);
            });
        });
    }

    /**
     * Whether the picture is final: no volume being prepared, and the newest frame shown at full
     * resolution (or nothing to draw: no volume, or no size). FX thread.
     */
    public boolean isSettled() {
        if (preparing > 0) {
            return false;
        }
        if (caster == null || Math.floor(getWidth()) <= 0 || Math.floor(getHeight()) <= 0 || worker.isShutdown()) {
            return true;
        }
        return scheduler.showsLatestAtFullResolution();
    }

    /** Stops the render thread; the view shows its last frame and renders no more. */
    public void dispose() {
        scheduler.stop();
        worker.shutdownNow();
    }

    /** The caption drawn in the top-left corner, e.g. "Composite · CT bone" or "MIP". */
    public static String caption(RenderMode mode, TransferPreset preset) {
        return caption(mode, preset.label());
    }

    private static String caption(RenderMode mode, String transferName) {
        return mode == RenderMode.COMPOSITE ? mode.label() + " · " + transferName : mode.label();
    }

    /** Queues a frame of the current state; interactive frames are reduced and schedule a full one. */
    private void requestRender(boolean interactive) {
        RayCaster c = caster;
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (c == null || w <= 0 || h <= 0 || worker.isShutdown()) {
            return;
        }
        RenderSettings settings = c.defaultSettings(mode.get(), preset.get());
        if (window.get() != null) {
            settings = settings.withWindow(window.get());
        }
        scheduler.request(new FrameScheduler.State(c, camera.get(), settings, w, h), interactive);
    }

    private void show(Rendering result) {
        if (image == null || image.getWidth() != result.width() || image.getHeight() != result.height()) {
            image = new WritableImage(result.width(), result.height());
        }
        image.getPixelWriter().setPixels(0, 0, result.width(), result.height(), PixelFormat.getIntArgbInstance(),
                result.argb(), 0, result.width());
        frame.set(result);
        draw();
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, w, h);
        Rendering f = frame.get();
        if (f == null || image == null) {
            return;
        }
        // A reduced frame covers the same field of view, so it is stretched over the whole canvas.
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, f.width() * f.reduction(), f.height() * f.reduction());
        g.setFill(Color.rgb(255, 210, 0));
        g.setFont(Font.font(12));
        g.fillText(caption(f.settings().mode(), f.settings().transfer().name()), 6, 16);
        drawOrientationGlyph(g, f.camera(), 34, h - 34, 22);
    }

    /** Draws the patient's +x (L), +y (P) and +z (S) axes as the camera sees them, each with its letter. */
    private static void drawOrientationGlyph(GraphicsContext g, OrbitCamera cam, double cx, double cy, double length) {
        Vec3 right = cam.right();
        Vec3 down = cam.down();
        Vec3[] axes = {new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1)};
        String[] letters = {"L", "P", "S"};
        Color[] colours = {Color.rgb(255, 90, 90), Color.rgb(90, 220, 90), Color.rgb(110, 150, 255)};
        g.setLineWidth(2);
        g.setFont(Font.font(11));
        for (int a = 0; a < 3; a++) {
            double sx = axes[a].dot(right);
            double sy = axes[a].dot(down);
            g.setStroke(colours[a]);
            g.setFill(colours[a]);
            g.strokeLine(cx, cy, cx + sx * length, cy + sy * length);
            // An axis pointing at the viewer has no length on screen; its letter still marks the centre.
            g.fillText(letters[a], cx + sx * (length + 6) - 3, cy + sy * (length + 6) + 4);
        }
    }

    private void installMouse() {
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            pressCamera = camera.get();
        });
        canvas.setOnMouseDragged(e -> {
            if (pressCamera == null) {
                return;
            }
            double dx = e.getX() - pressX;
            double dy = e.getY() - pressY;
            OrbitCamera c = pressCamera;
            if (e.getButton() == MouseButton.PRIMARY) {
                // Grab-and-turn: dragging right brings the patient's right side into view.
                camera.set(c.withAngles(c.azimuthDeg() - dx * DEGREES_PER_PIXEL, c.elevationDeg() + dy * DEGREES_PER_PIXEL));
            } else if (e.getButton() == MouseButton.SECONDARY) {
                camera.set(c.withZoom(c.zoom() * Math.exp(-dy / 100)));
            } else if (e.getButton() == MouseButton.MIDDLE && caster != null) {
                double pix = caster.pixelMm(c, (int) Math.max(1, getWidth()), (int) Math.max(1, getHeight()));
                camera.set(c.withPan(c.panRightMm() + dx * pix, c.panDownMm() + dy * pix));
            }
        });
        canvas.setOnMouseReleased(e -> pressCamera = null);
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                OrbitCamera c = camera.get();
                camera.set(c.withZoom(e.getDeltaY() > 0 ? c.zoom() * WHEEL_ZOOM : c.zoom() / WHEEL_ZOOM));
            }
        });
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }
}
