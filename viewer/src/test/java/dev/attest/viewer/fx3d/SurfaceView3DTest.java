package dev.attest.viewer.fx3d;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.fx.SurfaceView3D;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.surface.SurfaceOptions;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SurfaceView3D drawn for real (GTK + Mesa under Xvfb): colours, visibility and the patient's
 * sides in the default anterior view and after turning.
 */
@Tag("scene3d")
class SurfaceView3DTest {
    private static final int SIZE = 300;
    /** Channel tolerance for a lit pixel facing the head light: ambient 0.3 + light 0.7 gives the colour itself. */
    private static final double LIT = 0.04;

    private Stage stage;

    @BeforeAll
    static void startFx() {
        Fx3d.start();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            Fx3d.onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** Label 1: a ball of radius 10 mm at the grid centre; label 2 (if wanted): radius 5 mm, 20 mm to the patient's left. */
    private static Volume balls(boolean withLeftBlob) {
        // 1 mm voxels, axes along LPS; the grid centre (30, 20, 20) is at LPS (30, 20, 20).
        ImageGrid grid = new ImageGrid(64, 40, 40, Affine.identity());
        Volume v = Volume.allocate(grid, VoxelType.UINT8);
        for (int k = 0; k < 40; k++) {
            for (int j = 0; j < 40; j++) {
                for (int i = 0; i < 64; i++) {
                    if (sq(i - 30) + sq(j - 20) + sq(k - 20) <= 100) {
                        v.setStored(i, j, k, 1);
                    } else if (withLeftBlob && sq(i - 50) + sq(j - 20) + sq(k - 20) <= 25) {
                        v.setStored(i, j, k, 2);
                    }
                }
            }
        }
        return v;
    }

    private static int sq(int x) {
        return x * x;
    }

    private SurfaceView3D show(Volume labels) throws Exception {
        SurfaceView3D view = Fx3d.onFx(() -> {
            SurfaceView3D v = new SurfaceView3D();
            stage = new Stage();
            stage.setScene(new Scene(v, SIZE, SIZE));
            stage.show();
            return v;
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            view.showLabels(labels, new LabelTable(), SurfaceOptions.standard(), pool, ProgressListener.NONE,
                    new Cancellation()).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        return view;
    }

    private static Image shot(SurfaceView3D view) {
        return Fx3d.onFx(() -> view.snapshot(null, null));
    }

    private static void assertColour(Color expected, Color actual, String where) {
        assertEquals(expected.getRed(), actual.getRed(), LIT, where + ": " + actual);
        assertEquals(expected.getGreen(), actual.getGreen(), LIT, where + ": " + actual);
        assertEquals(expected.getBlue(), actual.getBlue(), LIT, where + ": " + actual);
    }

    @Test
    void ballIsDrawnInItsLabelColourAtTheCentreAndHidingItLeavesTheBackground() throws Exception {
        SurfaceView3D view = show(balls(false));
        assertEquals(Set.of(1), view.labels());
        Image image = shot(view);
        assertEquals(SIZE, (int) image.getWidth());
        // Label 1's default colour is pure red.
        assertColour(Color.RED, image.getPixelReader().getColor(SIZE / 2, SIZE / 2), "centre");
        for (int[] corner : new int[][] {{2, 2}, {SIZE - 3, 2}, {2, SIZE - 3}, {SIZE - 3, SIZE - 3}}) {
            assertEquals(SurfaceView3D.BACKGROUND, image.getPixelReader().getColor(corner[0], corner[1]));
        }

        Fx3d.onFx(() -> {
            view.setLabelVisible(1, false);
            return null;
        });
        Image hidden = shot(view);
        assertEquals(SurfaceView3D.BACKGROUND, hidden.getPixelReader().getColor(SIZE / 2, SIZE / 2));
    }

    @Test
    void patientLeftIsOnTheImageRightFromTheFrontAndComesToTheFrontWhenTurned() throws Exception {
        SurfaceView3D view = show(balls(true));
        Image front = shot(view);
        // From the front, the green blob (label 2, on the patient's left) lies right of the red ball.
        double greenX = meanX(front, Color.LIME);
        double redX = meanX(front, Color.RED);
        assertTrue(greenX > SIZE / 2.0 && greenX > redX + 40, "green at " + greenX + ", red at " + redX);

        // Turning the near side to the left brings the patient's left side to the viewer: the blob
        // now sits in front of the ball, in the middle of the image.
        Fx3d.onFx(() -> {
            view.rotate(-90, 0);
            return null;
        });
        Image fromLeft = shot(view);
        assertColour(Color.LIME, fromLeft.getPixelReader().getColor(SIZE / 2, SIZE / 2), "centre seen from the left");

        // Half a turn later the blob is behind the ball and cannot be seen at all.
        Fx3d.onFx(() -> {
            view.rotate(180, 0);
            return null;
        });
        Image fromRight = shot(view);
        assertEquals(0, count(fromRight, Color.LIME));
        assertColour(Color.RED, fromRight.getPixelReader().getColor(SIZE / 2, SIZE / 2), "centre seen from the right");
    }

    /** Mean column of the pixels whose dominant channel is that of colour (pure red, green or blue). */
    private static double meanX(Image image, Color colour) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (dominant(image.getPixelReader().getColor(x, y), colour)) {
                    sum += x;
                    n++;
                }
            }
        }
        assertTrue(n > 50, "only " + n + " pixels of " + colour);
        return (double) sum / n;
    }

    private static long count(Image image, Color colour) {
        long n = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                n += dominant(image.getPixelReader().getColor(x, y), colour) ? 1 : 0;
            }
        }
        return n;
    }

    private static boolean dominant(Color c, Color colour) {
        double[] channels = {c.getRed(), c.getGreen(), c.getBlue()};
        double[] want = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        for (int i = 0; i < 3; i++) {
            if (want[i] == 1) {
                return channels[i] > 0.25 && channels[i] > 2 * channels[(i + 1) % 3] && channels[i] > 2 * channels[(i + 2) % 3];
            }
        }
        return false;
    }
}
