package dev.attest.viewer.fx3d;

import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.Scene;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform check behind every 3D scene test: a lit red box in a SubScene is drawn where the
 * camera looks and nowhere else. If this fails, JavaFX 3D itself is not working on the display.
 */
@Tag("scene3d")
class Scene3dSupportTest {
    @BeforeAll
    static void startFx() {
        Fx3d.start();
    }

    @Test
    void drawsALitBoxInTheMiddleOfASubScene() {
        Stage stage = Fx3d.onFx(Stage::new);
        SubScene scene = Fx3d.onFx(() -> {
            Box box = new Box(100, 100, 100);
            box.setMaterial(new PhongMaterial(Color.RED));
            SubScene sub = new SubScene(new Group(box, new AmbientLight(Color.WHITE)), 200, 200, true,
                    SceneAntialiasing.DISABLED);
            sub.setFill(Color.BLACK);
            PerspectiveCamera camera = new PerspectiveCamera(true);
            camera.setTranslateZ(-400);
            camera.setFarClip(2000);
            sub.setCamera(camera);
            stage.setScene(new Scene(new Group(sub)));
            stage.show();
            return sub;
        });
        Image shot = Fx3d.onFx(() -> scene.snapshot(null, null));
        Fx3d.onFx(() -> {
            stage.close();
            return null;
        });
        assertEquals(Color.RED, shot.getPixelReader().getColor(100, 100));
        assertEquals(Color.BLACK, shot.getPixelReader().getColor(3, 3));
    }
}
