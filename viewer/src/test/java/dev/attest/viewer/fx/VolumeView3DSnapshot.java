package dev.attest.viewer.fx;

import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.RenderMode;
import dev.attest.viewer.volume3d.Rendering;
import dev.attest.viewer.volume3d.TransferPreset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes PNG screenshots of the 3D view for a person to look at (run under Xvfb):
 * {@code VolumeView3DSnapshot OUT_DIR DATA_DIR}. Not a test: it asserts nothing.
 */
public final class VolumeView3DSnapshot {
    private VolumeView3DSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Files.createDirectories(out);
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        Volume phantom = CtPhantom.generate(256, 256, 200, 1.5, 2, 20, 1).ct();
        Volume ct = NiftiReader.read(data.resolve("nifti/totalsegmentator_example_ct_sm.nii.gz")).volume();
        Volume mr = NiftiReader.read(data.resolve("nifti/brainchop_t1_crop.nii.gz")).volume();
        OrbitCamera oblique = new OrbitCamera(-30, 15, 1.1, 0, 0);
        shoot(phantom, RenderMode.COMPOSITE, TransferPreset.CT_BONE, oblique, out.resolve("phantom-bone.png"));
        shoot(phantom, RenderMode.COMPOSITE, TransferPreset.CT_SOFT_TISSUE, oblique, out.resolve("phantom-soft.png"));
        shoot(phantom, RenderMode.MIP, TransferPreset.CT_BONE, OrbitCamera.ANTERIOR, out.resolve("phantom-mip.png"));
        shoot(ct, RenderMode.COMPOSITE, TransferPreset.CT_BONE, oblique, out.resolve("nifti-ct-bone.png"));
        shoot(ct, RenderMode.COMPOSITE, TransferPreset.CT_VESSELS, OrbitCamera.ANTERIOR, out.resolve("nifti-ct-vessels.png"));
        shoot(ct, RenderMode.MIP, TransferPreset.CT_BONE, new OrbitCamera(90, 0, 1.2, 0, 0), out.resolve("nifti-ct-mip-left.png"));
        shoot(mr, RenderMode.COMPOSITE, TransferPreset.MR, new OrbitCamera(60, 20, 1.2, 0, 0), out.resolve("mr-t1.png"));
        Platform.exit();
    }

    private static void shoot(Volume volume, RenderMode mode, TransferPreset preset, OrbitCamera camera, Path png) throws Exception {
        CompletableFuture<VolumeView3D> made = new CompletableFuture<>();
        Platform.runLater(() -> {
            VolumeView3D view = new VolumeView3D();
            view.modeProperty().set(mode);
            view.presetProperty().set(preset);
            view.cameraProperty().set(camera);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(view), 512, 512));
            stage.show();
            view.setVolume(volume);
            made.complete(view);
        });
        VolumeView3D view = made.get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                Rendering f = view.frameProperty().get();
                done.complete(f != null && f.reduction() == 1 && f.settings().mode() == mode);
            });
            if (done.get() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            shot.complete(view.snapshot(null, null));
            view.dispose();
            view.getScene().getWindow().hide();
        });
        WritableImage img = shot.get(30, TimeUnit.SECONDS);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, img.getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(b, "png", png.toFile());
        System.out.println("wrote " + png);
    }
}
