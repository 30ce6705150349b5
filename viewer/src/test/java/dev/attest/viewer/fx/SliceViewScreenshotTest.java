package dev.attest.viewer.fx;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.overlay.BoxMarker;
import dev.attest.viewer.overlay.HeatMapLayer;
import dev.attest.viewer.overlay.LabelLayer;
import dev.attest.viewer.overlay.OverlayStack;
import dev.attest.viewer.overlay.PointMarker;
import dev.attest.viewer.render.ColorMap;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.render.WindowLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes the views of the TotalSegmentator example CT with its organ labels, a heat map on a
 * grid of its own, the spleen's bounding box and centroid, and the colour bar, to
 * target/screenshots for a person to look at (the exact pixel checks are in the other view tests).
 */
@ExtendWith(ApplicationExtension.class)
class SliceViewScreenshotTest {
    private static final int SPLEEN = 1;
    private final ObjectProperty<Crosshair> crosshair = new SimpleObjectProperty<>(new Crosshair(Vec3.ZERO));
    private final ObjectProperty<WindowLevel> windowLevel = new SimpleObjectProperty<>(WindowLevel.CT_ABDOMEN);
    private final OverlayStack stack = new OverlayStack();
    private List<SliceView> views;
    private Vec3 centroid;
    private Vec3[] box;

    @Start
    void start(Stage stage) throws IOException {
        Path data = Path.of(System.getProperty("attest.data", "../../shared/data"));
        Volume ct = NiftiReader.read(data.resolve("nifti/totalsegmentator_example_ct_sm.nii.gz")).volume();
        Volume seg = NiftiReader.read(data.resolve("nifti/totalsegmentator_example_seg.nii.gz")).volume();
        spleenGeometry(seg);
        stack.add(LabelLayer.of("organs", seg, new LabelTable().put(SPLEEN, "spleen", 0x3080FF).put(5, "liver", 0xD08040),
                0.9, LabelOverlay.Mode.OUTLINE));
        stack.add(HeatMapLayer.of("evidence", blob(centroid, 25), ColorMap.inferno(), 0, 1, 0.2, 0.6, "p"));
        stack.add(BoxMarker.of("spleen (model)", box[0], box[1], 0x40FF40));
        stack.add(PointMarker.of("centroid", centroid, 0xFFFF00));
        crosshair.set(new Crosshair(centroid));
        var shared = new SimpleBooleanProperty(false);
        views = List.of(new SliceView(StandardView.AXIAL, crosshair, windowLevel, shared),
                new SliceView(StandardView.CORONAL, crosshair, windowLevel, shared),
                new SliceView(StandardView.SAGITTAL, crosshair, windowLevel, shared));
        for (SliceView v : views) {
            v.setPrefSize(400, 360);
            v.setVolume(ct);
            v.setOverlays(stack);
        }
        stage.setScene(new Scene(new HBox(2, views.toArray(SliceView[]::new)), 1204, 360));
        stage.show();
    }

    /** Bounding box (voxel edges) and centroid of the spleen label, in LPS. */
    private void spleenGeometry(Volume seg) {
        ImageGrid g = seg.grid();
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        Vec3 sum = Vec3.ZERO;
        int n = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (Math.round(seg.getPhysical(x, y, z)) != SPLEEN) {
                        continue;
                    }
                    Vec3 p = g.indexToLps().apply(x, y, z);
                    sum = sum.add(p);
                    n++;
                    for (int a = 0; a < 3; a++) {
                        lo[a] = Math.min(lo[a], p.get(a) - g.spacing().get(a) / 2);
                        hi[a] = Math.max(hi[a], p.get(a) + g.spacing().get(a) / 2);
                    }
                }
            }
        }
        centroid = sum.scale(1.0 / n);
        box = new Vec3[] {new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2])};
    }

    /** A Gaussian of the given sigma (mm) around a point, on a 5 mm grid of its own around it. */
    private static Volume blob(Vec3 centre, double sigma) {
        int n = 40;
        Vec3 origin = centre.sub(new Vec3(n / 2.0 * 5, n / 2.0 * 5, n / 2.0 * 5));
        ImageGrid grid = new ImageGrid(n, n, n, Affine.fromColumns(new Vec3(5, 0, 0), new Vec3(0, 5, 0), new Vec3(0, 0, 5), origin));
        Volume v = Volume.allocate(grid, VoxelType.FLOAT32);
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double d = grid.indexToLps().apply(x, y, z).distance(centre);
                    v.setStored(x, y, z, Math.exp(-d * d / (2 * sigma * sigma)));
                }
            }
        }
        return v;
    }

    @Test
    void writesTheViewsWithAllOverlayKindsAtScreenAndDoubleResolution() throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        String[] names = {"axial", "coronal", "sagittal"};
        for (int i = 0; i < 3; i++) {
            for (int k : new int[] {1, 2}) {
                Path png = dir.resolve("sliceview-" + names[i] + (k == 1 ? "" : "@" + k + "x") + ".png");
                views.get(i).writePng(png, k);
                BufferedImage img = ImageIO.read(png.toFile());
                assertEquals(400 * k, img.getWidth());
                assertEquals(360 * k, img.getHeight());
            }
        }
        assertTrue(stack.legend().size() >= 5, "spleen, liver and the other organs, the heat map, box and point");
    }
}
