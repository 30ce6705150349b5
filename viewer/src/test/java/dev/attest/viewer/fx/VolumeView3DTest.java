package dev.attest.viewer.fx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.RayCaster;
import dev.attest.viewer.volume3d.RenderMode;
import dev.attest.viewer.volume3d.Rendering;
import dev.attest.viewer.volume3d.TransferPreset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 3D view driven with the mouse on headless Monocle: the camera moves by the documented
 * amounts, and once the mouse is still a full-resolution frame of exactly that camera arrives.
 */
@ExtendWith(ApplicationExtension.class)
class VolumeView3DTest {
    private static final Volume PHANTOM = CtPhantom.generate(48, 40, 36, 5, 5, 20, 5).ct();
    private final ObjectProperty<OrbitCamera> camera = new SimpleObjectProperty<>(OrbitCamera.ANTERIOR);
    private VolumeView3D view;

    @Start
    void start(Stage stage) {
        view = new VolumeView3D(camera);
        view.setPrefSize(240, 200);
        view.setVolume(PHANTOM);
        stage.setScene(new Scene(new StackPane(view), 240, 200));
        stage.show();
    }

    /** Waits until the frame on screen is full resolution and shows the current camera. */
    private Rendering awaitFullFrame() throws TimeoutException {
        AtomicReference<Rendering> shown = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            Rendering f = WaitForAsyncUtils.asyncFx(() -> view.frameProperty().get()).get();
            OrbitCamera c = WaitForAsyncUtils.asyncFx(camera::get).get();
            shown.set(f);
            return f != null && f.reduction() == 1 && f.camera().equals(c);
        });
        return shown.get();
    }

    private Bounds screenBounds() {
        return view.localToScreen(view.getBoundsInLocal());
    }

    @Test
    void leftDragRotatesByHalfADegreePerPixelAndAFullFrameFollowsTheRelease(FxRobot robot) throws Exception {
        awaitFullFrame();
        Bounds b = screenBounds();
        robot.moveTo(b.getMinX() + 100, b.getMinY() + 100).press(MouseButton.PRIMARY)
                .moveBy(20, 0).moveBy(20, -10).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        OrbitCamera c = camera.get();
        assertEquals(-20, c.azimuthDeg(), 1e-9, "40 px right turn the patient's right side towards the viewer");
        assertEquals(-5, c.elevationDeg(), 1e-9, "10 px up lower the camera by 5 degrees");
        Rendering f = awaitFullFrame();
        assertEquals(240, f.width());
        assertEquals(200, f.height());
        // The frame on screen is exactly what the ray caster renders for that camera.
        RayCaster caster = new RayCaster(PHANTOM);
        Rendering direct = caster.render(c, caster.defaultSettings(RenderMode.COMPOSITE, TransferPreset.CT_BONE), 240, 200,
                new Cancellation());
        assertArrayEquals(direct.argb(), f.argb());
    }

    @Test
    void rightDragAndWheelZoomMiddleDragPans(FxRobot robot) throws Exception {
        awaitFullFrame();
        Bounds b = screenBounds();
        robot.moveTo(b.getMinX() + 120, b.getMinY() + 150).press(MouseButton.SECONDARY).moveBy(0, -50).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.exp(0.5), camera.get().zoom(), 1e-9, "50 px up zoom in by e^0.5");
        double before = camera.get().zoom();
        robot.scroll(1, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.log(VolumeView3D.WHEEL_ZOOM), Math.abs(Math.log(camera.get().zoom() / before)), 1e-9, "one notch");
        OrbitCamera c = camera.get();
        RayCaster caster = new RayCaster(PHANTOM);
        double pix = caster.pixelMm(c, 240, 200);
        robot.moveTo(b.getMinX() + 100, b.getMinY() + 100).press(MouseButton.MIDDLE).moveBy(30, 12).release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(30 * pix, camera.get().panRightMm(), 1e-9);
        assertEquals(12 * pix, camera.get().panDownMm(), 1e-9);
        assertEquals(c.zoom(), camera.get().zoom());
        awaitFullFrame();
    }

    @Test
    void modeChangeRendersAMipWithItsCaption() throws Exception {
        awaitFullFrame();
        WaitForAsyncUtils.asyncFx(() -> view.modeProperty().set(RenderMode.MIP)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            Rendering f = WaitForAsyncUtils.asyncFx(() -> view.frameProperty().get()).get();
            return f.settings().mode() == RenderMode.MIP && f.reduction() == 1;
        });
        Rendering f = view.frameProperty().get();
        // The spine (700 HU) runs down the middle of the anterior MIP, shown through the volume's default window.
        assertTrue(f.value(120, 100) > 600, "spine in the MIP: " + f.value(120, 100));
        int grey = f.settings().window().map(f.value(120, 100));
        assertEquals(0xFF000000 | grey * 0x010101, f.argb(120, 100));
        assertEquals(new RayCaster(PHANTOM).defaultWindow(RenderMode.MIP), f.settings().window());
        assertEquals("MIP", VolumeView3D.caption(RenderMode.MIP, TransferPreset.CT_BONE));
        assertEquals("Composite · CT vessels", VolumeView3D.caption(RenderMode.COMPOSITE, TransferPreset.CT_VESSELS));
    }
}
