package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.viewer.measure.MeasurementCalculator;
import dev.attest.viewer.measure.MeasurementKind;
import dev.attest.viewer.measure.MeasurementList;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.render.WindowLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * Writes a PNG of an axial view of the CT phantom with a distance, an angle, an ellipse and a
 * polygon, for a person to look at (run under Xvfb; not a test): {@code MeasurementScreenshot out.png}.
 */
public final class MeasurementScreenshot {

    private MeasurementScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        CtPhantom.Result phantom = CtPhantom.generate(256, 256, 64, 1.5, 5, 12, 7);
        phantom.ct().properties().put(SliceImage.UNIT_PROPERTY, "HU");
        Vec3 centre = new Vec3(0, 0, -37.5);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        SliceView[] view = new SliceView[2];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            var crosshair = new SimpleObjectProperty<>(new Crosshair(centre));
            var window = new SimpleObjectProperty<>(new WindowLevel(40, 400));
            view[0] = new SliceView(StandardView.AXIAL, crosshair, window);
            view[1] = new SliceView(StandardView.CORONAL, crosshair, window);
            MeasurementList list = new MeasurementList();
            MeasurementLayer layer = new MeasurementLayer(list,
                    new MeasurementCalculator(phantom.ct(), Interpolation.LINEAR));
            for (SliceView v : view) {
                v.setPrefSize(512, 512);
                v.setVolume(phantom.ct());
                layer.attachTo(v);
                v.setTool(new MeasurementTool(MeasurementKind.DISTANCE, layer, v));
            }
            ViewPlane axial = ViewPlane.axial(centre);
            double z = centre.z();
            // Across the liver lesion (centre (-75, -20), radii 15 x 14 mm).
            list.add(MeasurementKind.DISTANCE, List.of(new Vec3(-90, -20, z), new Vec3(-60, -20, z)), axial, "lesion");
            list.add(MeasurementKind.ANGLE, List.of(new Vec3(40, -60, z), new Vec3(10, -30, z), new Vec3(60, -30, z)),
                    axial, "");
            list.add(MeasurementKind.ELLIPSE, List.of(new Vec3(-50, 10, z), new Vec3(-25, 30, z)), axial, "liver");
            list.add(MeasurementKind.POLYGON, List.of(new Vec3(40, 30, z), new Vec3(75, 25, z), new Vec3(80, 60, z),
                    new Vec3(45, 65, z)), axial, "");
            list.select(3L);
            // A polygon being drawn (three clicks so far, the mouse at the fourth point): dashed.
            layer.setSketch(new MeasurementLayer.Sketch(MeasurementKind.POLYGON, List.of(new Vec3(-40, -75, z),
                    new Vec3(-15, -70, z), new Vec3(-20, -50, z)), axial));
            ViewPlane coronal = ViewPlane.coronal(centre);
            list.add(MeasurementKind.DISTANCE, List.of(new Vec3(-100, 0, 0), new Vec3(-30, 0, -60)), coronal, "");
            Stage stage = new Stage();
            stage.setScene(new Scene(new HBox(view), 1024, 512));
            stage.show();
            shown.countDown();
        });
        shown.await();
        Thread.sleep(1000);
        view[0].writePng(Path.of(args[0] + "-axial.png"), 1);
        view[1].writePng(Path.of(args[0] + "-coronal.png"), 1);
        view[0].writePng(Path.of(args[0] + "-axial-x2.png"), 2);
        Platform.exit();
    }
}
