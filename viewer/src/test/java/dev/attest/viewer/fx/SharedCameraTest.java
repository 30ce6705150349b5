package dev.attest.viewer.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.OrbitCentre;
import dev.attest.viewer.volume3d.PerspectivePose;
import dev.attest.viewer.volume3d.RayCaster;
import dev.attest.viewer.volume3d.RenderMode;
import dev.attest.viewer.volume3d.Rendering;
import dev.attest.viewer.volume3d.TransferPreset;
import javafx.geometry.Point3D;
import org.junit.jupiter.api.Test;

/**
 * The surface view's JavaFX camera transform, built from the shared {@link OrbitCamera}, against
 * the ray caster's own image of the same camera: a single bright voxel must land on the same
 * pixel in both (headless: the transform is plain math, the ray caster renders on the CPU).
 */
class SharedCameraTest {
    private static final int W = 160;
    private static final int H = 120;

    /** Screen position through the JavaFX affine the surface view gives its camera rig, then the pinhole. */
    private static double[] throughFxCamera(PerspectivePose pose, Vec3 p) {
        javafx.scene.transform.Affine rig = new javafx.scene.transform.Affine();
        SurfaceView3D.setTransform(rig, pose);
        Point3D c;
        try {
            c = rig.inverseTransform(p.x(), p.y(), p.z());
        } catch (javafx.scene.transform.NonInvertibleTransformException e) {
            throw new AssertionError(e);
        }
        double f = H / 2.0 / Math.tan(Math.toRadians(SurfaceView3D.FIELD_OF_VIEW) / 2);
        return new double[] {W / 2.0 + c.getX() / c.getZ() * f, H / 2.0 + c.getY() / c.getZ() * f};
    }

    @Test
    void aVoxelInTheFocalPlaneLandsOnTheRayCastersPixelForAxisViewsWithZoomAndPan() {
        // 41 x 31 x 25 voxels of 1 mm, axes along LPS: the orbit centre is voxel (20, 15, 12).
        ImageGrid grid = new ImageGrid(41, 31, 25, Affine.identity());
        OrbitCentre orbit = OrbitCentre.of(grid);
        assertEquals(new Vec3(20, 15, 12), orbit.centre());
        // Each case: camera, and a voxel in the plane through the centre that faces that camera.
        Object[][] cases = {
            {new OrbitCamera(0, 0, 1, 0, 0), new int[] {27, 15, 17}},
            {new OrbitCamera(0, 0, 1.6, 4, -3), new int[] {14, 15, 8}},
            {new OrbitCamera(90, 0, 1.3, -2, 5), new int[] {20, 22, 5}},
            {new OrbitCamera(-90, 0, 0.8, 0, 0), new int[] {20, 3, 19}},
            {new OrbitCamera(0, -90, 2.2, 1, 1), new int[] {25, 10, 12}},
        };
        for (Object[] c : cases) {
            OrbitCamera camera = (OrbitCamera) c[0];
            int[] ijk = (int[]) c[1];
            Volume v = Volume.allocate(grid, VoxelType.INT16);
            v.setStored(ijk[0], ijk[1], ijk[2], 1000);
            RayCaster caster = new RayCaster(v);
            Rendering mip = caster.render(camera, caster.defaultSettings(RenderMode.MIP, TransferPreset.CT_BONE), W, H,
                    new Cancellation());
            int best = -1;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < W * H; i++) {
                // NaN where the ray misses the volume.
                if (mip.value(i % W, i / W) > bestValue) {
                    best = i;
                    bestValue = mip.value(i % W, i / W);
                }
            }
            // Trilinear sampling: the pixel whose ray passes closest to the voxel centre sees most of it.
            org.junit.jupiter.api.Assertions.assertTrue(bestValue > 500, "brightest " + bestValue);
            PerspectivePose pose = PerspectivePose.of(camera, caster.centre(), caster.boundingRadiusMm(), W, H,
                    SurfaceView3D.FIELD_OF_VIEW);
            double[] s = throughFxCamera(pose, new Vec3(ijk[0], ijk[1], ijk[2]));
            String where = camera + " voxel " + java.util.Arrays.toString(ijk) + " at " + s[0] + ", " + s[1];
            assertEquals(best % W, (int) Math.floor(s[0]), where);
            assertEquals(best / W, (int) Math.floor(s[1]), where);
        }
    }

    @Test
    void focalPlanePointsProjectAsTheOrthographicRayCasterAtAnyAngle() {
        Vec3 centre = new Vec3(-12.5, 40, 103);
        double radius = 180;
        for (OrbitCamera camera : new OrbitCamera[] {new OrbitCamera(35, 20, 1.4, 7, -11),
                new OrbitCamera(-150, -65, 0.7, -30, 2), new OrbitCamera(179, 89, 3, 0, 0)}) {
            PerspectivePose pose = PerspectivePose.of(camera, centre, radius, W, H, SurfaceView3D.FIELD_OF_VIEW);
            // The ray caster's pixel size and view centre (RayCaster.pixelMm and render).
            double pix = 2 * radius / (Math.min(W, H) * camera.zoom());
            Vec3 viewCentre = centre.sub(camera.right().scale(camera.panRightMm())).sub(camera.down().scale(camera.panDownMm()));
            for (double[] uv : new double[][] {{0, 0}, {13.25, -40}, {-70, 55.5}}) {
                Vec3 p = viewCentre.add(camera.right().scale(uv[0] * pix)).add(camera.down().scale(uv[1] * pix));
                double[] s = throughFxCamera(pose, p);
                assertEquals(W / 2.0 + uv[0], s[0], 1e-9, camera + " " + uv[0]);
                assertEquals(H / 2.0 + uv[1], s[1], 1e-9, camera + " " + uv[1]);
                double[] q = pose.project(p, W, H);
                assertEquals(s[0], q[0], 1e-9);
                assertEquals(s[1], q[1], 1e-9);
            }
            // Off the plane perspective takes over: a point 50 mm nearer than the centre, off-axis, appears further out.
            Vec3 near = viewCentre.add(camera.right().scale(30 * pix)).sub(camera.viewDirection().scale(50));
            double[] s = throughFxCamera(pose, near);
            assertEquals(W / 2.0 + 30 * pose.distanceMm() / (pose.distanceMm() - 50), s[0], 1e-9);
        }
    }
}
