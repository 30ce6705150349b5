package dev.attest.viewer.fx3d;

import dev.attest.core.nifti.NiftiExtension;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.viewer.fx.SurfaceView3D;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.surface.SurfaceOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes PNG snapshots of a label map's surfaces (front, from the patient's left, and from below as in an axial slice) so a
 * person can look at them; a development utility, not part of the app. Run under Xvfb with
 * -Dprism.forceGPU=true: {@code SurfaceSnapshot <labels.nii.gz> <out-prefix>}.
 */
public final class SurfaceSnapshot {
    private static final Pattern CARET_LABEL = Pattern.compile(
            "<Label Key=\"(\\d+)\" Red=\"([0-9.]+)\" Green=\"([0-9.]+)\" Blue=\"([0-9.]+)\"[^>]*><!\\[CDATA\\[([^\\]]*)\\]\\]>");

    private SurfaceSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        NiftiImage nifti = NiftiReader.read(Path.of(args[0]));
        LabelTable table = new LabelTable();
        for (NiftiExtension e : nifti.extensions()) {
            Matcher m = CARET_LABEL.matcher(e.text());
            while (m.find()) {
                int rgb = (int) Math.round(Double.parseDouble(m.group(2)) * 255) << 16
                        | (int) Math.round(Double.parseDouble(m.group(3)) * 255) << 8
                        | (int) Math.round(Double.parseDouble(m.group(4)) * 255);
                table.put(Integer.parseInt(m.group(1)), m.group(5), rgb);
            }
        }
        Platform.startup(() -> { });
        CompletableFuture<SurfaceView3D> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            SurfaceView3D view = new SurfaceView3D();
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 800, 800));
            stage.show();
            shown.complete(view);
        });
        SurfaceView3D view = shown.get();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            view.showLabels(nifti.volume(), table, SurfaceOptions.standard(), pool, ProgressListener.NONE,
                    new Cancellation()).get();
        }
        write(view, Path.of(args[1] + "-front.png"));
        Platform.runLater(() -> view.rotate(-90, 0));
        write(view, Path.of(args[1] + "-left.png"));
        Platform.runLater(() -> view.rotate(90, -60));
        write(view, Path.of(args[1] + "-below.png"));
        Platform.exit();
    }

    private static void write(SurfaceView3D view, Path file) throws Exception {
        CompletableFuture<Image> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(view.snapshot(null, null)));
        Image image = shot.get();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
        System.out.println("wrote " + file);
    }
}
