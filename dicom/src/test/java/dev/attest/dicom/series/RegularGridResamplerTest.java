package dev.attest.dicom.series;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resampling synthetic stacks whose voxels hold a linear function of the LPS position: bilinear
 * in-plane and linear between slices reproduce a linear function exactly, so every output voxel
 * inside the data must equal the function at its centre, whatever the tilt, spacing or gaps.
 */
class RegularGridResamplerTest {

    private static final Vec3 AXIAL_ROW = new Vec3(1, 0, 0);
    private static final Vec3 AXIAL_COL = new Vec3(0, 1, 0);
    /** An oblique orientation (rotations of 20° about z and −18.5° about x), so nothing is axis-aligned. */
    private static final Vec3 OBLIQUE_ROW = rotate(new Vec3(1, 0, 0));
    private static final Vec3 OBLIQUE_COL = rotate(new Vec3(0, 1, 0));

    @Test
    void tiltedStackGetsTheSmallestOrthogonalGridHoldingEveryInputVoxel() {
        // 24 x 20 axial slices, 1 mm pixels, 12 slices 2 mm apart, each shifted by (-0.3, +0.7) mm:
        // the shift spans -3.3 columns and +7.7 rows, rounded out to 4 and 8 whole voxels.
        Synthetic s = Synthetic.evenlySheared(AXIAL_ROW, AXIAL_COL, 1, 1, 2, new Vec3(-0.3, 0.7, 0), 12);
        ImageGrid grid = RegularGridResampler.targetGrid(s.stack);
        assertEquals(List.of(28, 28, 12), List.of(grid.sizeX(), grid.sizeY(), grid.sizeZ()));
        Affine expected = Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 2),
                s.origin.add(new Vec3(-4, 0, 0)));
        assertTrue(grid.indexToLps().maxAbsDifference(expected) < 1e-12, grid.indexToLps().toString());
        assertTrue(s.stack.grid().indexToLps().column(2).distance(new Vec3(-0.3, 0.7, 2)) < 1e-12, "input is sheared");
        assertEquals(Math.toDegrees(Math.atan2(Math.hypot(0.3, 0.7), 2)), s.stack.tiltDegrees(), 1e-9);
        for (ImageFrame f : s.stack.frames()) {
            for (int corner = 0; corner < 4; corner++) {
                Vec3 p = s.voxelCentre(f, (corner & 1) * (COLUMNS - 1), (corner >> 1) * (ROWS - 1));
                Vec3 index = grid.lpsToIndex().apply(p);
                for (int axis = 0; axis < 3; axis++) {
                    assertTrue(index.get(axis) > -1e-9 && index.get(axis) < grid.size(axis) - 1 + 1e-9,
                            "input corner " + p + " at output index " + index);
                }
            }
        }
    }

    @Test
    void tiltedObliqueStackReproducesALinearFieldExactly() {
        Synthetic s = Synthetic.evenlySheared(OBLIQUE_ROW, OBLIQUE_COL, 0.7, 0.9, 2.5,
                OBLIQUE_COL.scale(0.83).add(OBLIQUE_ROW.scale(-0.21)), 12);
        assertTrue(s.stack.warnings().stream().anyMatch(w -> w.kind() == SeriesWarning.Kind.GANTRY_TILT));
        Linear f = s.field(0.37, -1.3, 2.9, 17.25);
        Volume out = RegularGridResampler.resample(s.stack, s.volume(VoxelType.FLOAT64, f));
        assertTrue(out.grid().isOrthogonal(1e-12));
        assertEquals(VoxelType.FLOAT64, out.type());
        Check c = s.check(out, f, 1e-6);
        assertTrue(c.inside > 1500 && c.outside > 100, c.toString());
    }

    @Test
    void tiltedInt16StackKeepsItsTypeAndRescaleAndIsExactToRounding() {
        Synthetic s = Synthetic.evenlySheared(OBLIQUE_ROW, OBLIQUE_COL, 0.7, 0.9, 2.5,
                OBLIQUE_COL.scale(-0.61).add(OBLIQUE_ROW.scale(0.44)), 12);
        // Integer at every input voxel (3 per column, -2 per row, 2 per mm along the normal), so the
        // input holds the field exactly and only the output's own rounding is left.
        Volume in = s.volume(VoxelType.INT16, s.field(3, -2, 2, 1400));
        in.setRescale(new Rescale(1, -1024));
        Volume out = RegularGridResampler.resample(s.stack, in);
        assertEquals(VoxelType.INT16, out.type());
        assertEquals(new Rescale(1, -1024), out.rescale());
        Check c = s.check(out, s.field(3, -2, 2, 1400 - 1024), 0.5);
        assertTrue(c.inside > 1500 && c.outside > 100, c.toString());
    }

    @Test
    void nonUniformSpacingIsInterpolatedFromEachSlicesTruePosition() {
        double[] positions = {0, 1.5, 3, 5.5, 6, 7.5, 9, 11.5, 12, 13.5};
        Synthetic s = Synthetic.of(OBLIQUE_ROW, OBLIQUE_COL, 0.7, 0.9, OBLIQUE_COL.scale(0.2), positions);
        assertTrue(s.stack.warnings().stream().anyMatch(w -> w.kind() == SeriesWarning.Kind.NON_UNIFORM_SPACING),
                s.stack.warnings().toString());
        assertEquals(1.5, s.stack.spacing());
        Linear f = s.field(0.37, -1.3, 2.9, 17.25);
        Volume out = RegularGridResampler.resample(s.stack, s.volume(VoxelType.FLOAT64, f));
        assertEquals(10, out.grid().sizeZ(), "13.5 mm / 1.5 mm + 1");
        Check c = s.check(out, f, 1e-6);
        assertTrue(c.inside > 1500, c.toString());
        Linear g = s.field(3, -2, 2, 400);
        Check rounded = s.check(RegularGridResampler.resample(s.stack, s.volume(VoxelType.INT16, g)), g, 0.5);
        assertTrue(rounded.inside > 1500, rounded.toString());
    }

    @Test
    void missingSliceIsBridgedByItsNeighbours() {
        double[] positions = {0, 2.5, 5, 7.5, 12.5, 15, 17.5, 20};
        Synthetic s = Synthetic.of(OBLIQUE_ROW, OBLIQUE_COL, 0.7, 0.9, OBLIQUE_COL.scale(-0.33), positions);
        assertTrue(s.stack.warnings().stream().anyMatch(w -> w.kind() == SeriesWarning.Kind.MISSING_SLICES),
                s.stack.warnings().toString());
        Linear f = s.field(0.37, -1.3, 2.9, 17.25);
        Volume out = RegularGridResampler.resample(s.stack, s.volume(VoxelType.FLOAT64, f));
        assertEquals(9, out.grid().sizeZ());
        Check c = s.check(out, f, 1e-6);
        assertTrue(c.inside > 1500, c.toString());
        assertTrue(out.properties().get("resampled").startsWith("gantry tilt 18.26 deg, missing slices (gaps up to 5.000 mm)"),
                out.properties().get("resampled"));
    }

    @Test
    void slopeThatVariesBySliceGivesFloat32PhysicalValues() {
        Synthetic s = Synthetic.evenlySheared(OBLIQUE_ROW, OBLIQUE_COL, 0.7, 0.9, 2.5, OBLIQUE_COL.scale(0.83), 8);
        Linear f = s.field(3, -2, 2, 400);
        Volume in = Volume.allocate(s.stack.grid(), VoxelType.INT32);
        double[] slopes = new double[8];
        double[] intercepts = new double[8];
        for (int z = 0; z < 8; z++) {
            slopes[z] = z % 2 == 0 ? 0.5 : 0.25;
            intercepts[z] = z % 3 == 0 ? -1024 : -1000;
        }
        in.setSliceRescale(slopes, intercepts);
        for (int z = 0; z < 8; z++) {
            ImageFrame frame = s.stack.frames().get(z);
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    in.setStored(c, r, z, (f.at(s.voxelCentre(frame, c, r)) - intercepts[z]) / slopes[z]);
                }
            }
        }
        Volume out = RegularGridResampler.resample(s.stack, in);
        assertEquals(VoxelType.FLOAT32, out.type());
        assertTrue(out.hasUniformRescale() && out.rescale().isIdentity());
        // FLOAT32 holds values near 1000 to about 6e-5.
        Check c = s.check(out, f, 2e-4);
        assertTrue(c.inside > 500 && c.outside > 50, c.toString());
    }

    @Test
    void regularStackIsReturnedAsItIs() {
        Synthetic s = Synthetic.evenlySheared(OBLIQUE_ROW, OBLIQUE_COL, 0.7, 0.9, 2.5, Vec3.ZERO, 6);
        assertTrue(s.stack.isRegular());
        Volume in = s.volume(VoxelType.INT16, s.field(3, -2, 2, 400));
        assertSame(in, RegularGridResampler.resample(s.stack, in));
        assertFalse(in.properties().containsKey("resampled"));
        // Forced through the resampler it is an identity: same grid, same voxels.
        Volume forced = RegularGridResampler.resampleAlways(s.stack, in);
        assertTrue(forced.grid().sameGeometry(in.grid(), 1e-9), forced.grid() + " vs " + in.grid());
        for (int z = 0; z < in.grid().sizeZ(); z++) {
            assertTrue(java.util.Arrays.equals((short[]) in.sliceArray(z), (short[]) forced.sliceArray(z)), "slice " + z);
        }
    }

    @Test
    void copiesNameAndPropertiesAndSaysWhyItResampled() {
        Synthetic s = Synthetic.evenlySheared(AXIAL_ROW, AXIAL_COL, 1, 1, 2, new Vec3(-0.3, 0.7, 0), 12);
        Volume in = s.volume(VoxelType.INT16, s.field(3, -2, 2, 400));
        in.setName("HEAD");
        in.properties().put("photometric", "MONOCHROME2");
        Volume out = RegularGridResampler.resample(s.stack, in);
        assertEquals("HEAD", out.name());
        assertEquals("MONOCHROME2", out.properties().get("photometric"));
        assertEquals("gantry tilt 20.85 deg; 12 slices from 120.750 to 142.750 mm along the normal resampled to an "
                + "orthogonal 28x28x12 grid, spacing 1.0000 x 1.0000 x 2.0000 mm, bilinear in-plane and linear "
                + "between slices", out.properties().get("resampled"));
    }

    @Test
    void refusesAVolumeThatWasNotBuiltOnTheStack() {
        Synthetic s = Synthetic.evenlySheared(AXIAL_ROW, AXIAL_COL, 1, 1, 2, new Vec3(-0.3, 0.7, 0), 12);
        Volume other = Volume.allocate(new ImageGrid(COLUMNS, ROWS, 11, Affine.identity()), VoxelType.INT16);
        assertThrows(IllegalArgumentException.class, () -> RegularGridResampler.resample(s.stack, other));
    }

    // ------------------------------------------------------------------ synthetic stacks

    private static final int COLUMNS = 24;
    private static final int ROWS = 20;

    private static Vec3 rotate(Vec3 p) {
        double a = Math.toRadians(20);
        double b = Math.toRadians(-18.5);
        Vec3 x = new Vec3(p.x(), p.y() * Math.cos(b) - p.z() * Math.sin(b), p.y() * Math.sin(b) + p.z() * Math.cos(b));
        return new Vec3(x.x() * Math.cos(a) - x.y() * Math.sin(a), x.x() * Math.sin(a) + x.y() * Math.cos(a), x.z());
    }

    /**
     * A field that is linear in LPS space. In the stack's own terms it is kc per column, kr per row and kp per
     * millimetre along the normal, plus k0 — so integer coefficients give integers at every input voxel.
     */
    private record Linear(Vec3 origin, Vec3 u, Vec3 v, Vec3 n, Vec3 shearPerMm, double cs, double rs,
                          double kc, double kr, double kp, double k0) {
        double at(Vec3 p) {
            Vec3 d = p.sub(origin);
            double along = d.dot(n);
            Vec3 inPlane = d.sub(n.add(shearPerMm).scale(along));
            return kc * inPlane.dot(u) / cs + kr * inPlane.dot(v) / rs + kp * along + k0;
        }
    }

    private record Check(int inside, int outside, double fill, double maxError) {
    }

    /** Frames at given positions along the normal, each shifted in-plane by shearPerMm × position. */
    private record Synthetic(StackGeometry stack, Vec3 origin, Vec3 u, Vec3 v, Vec3 n, Vec3 shearPerMm,
                             double cs, double rs) {

        static Synthetic evenlySheared(Vec3 u, Vec3 v, double cs, double rs, double gap, Vec3 shiftPerSlice, int slices) {
            double[] positions = new double[slices];
            for (int s = 0; s < slices; s++) {
                positions[s] = s * gap;
            }
            return of(u, v, cs, rs, shiftPerSlice.scale(1 / gap), positions);
        }

        static Synthetic of(Vec3 u, Vec3 v, double cs, double rs, Vec3 shearPerMm, double[] positions) {
            Vec3 n = u.cross(v).normalized();
            Vec3 origin = new Vec3(-40.25, 17.5, 120.75);
            List<ImageFrame> frames = new ArrayList<>();
            for (int s = positions.length - 1; s >= 0; s--) { // out of order on purpose
                Vec3 position = origin.add(n.add(shearPerMm).scale(positions[s]));
                frames.add(new ImageFrame(null, 0, ROWS, COLUMNS, position, u, v, rs, cs, 1, 0, s, true));
            }
            StackGeometry stack = StackGeometry.of(frames);
            return new Synthetic(stack, origin, u, v, n, shearPerMm, cs, rs);
        }

        Linear field(double kc, double kr, double kp, double k0) {
            return new Linear(origin, u, v, n, shearPerMm, cs, rs, kc, kr, kp, k0);
        }

        Vec3 voxelCentre(ImageFrame f, double c, double r) {
            return f.position().add(f.rowDirection().scale(c * f.columnSpacing())).add(f.columnDirection().scale(r * f.rowSpacing()));
        }

        Volume volume(VoxelType type, Linear f) {
            Volume volume = Volume.allocate(stack.grid(), type);
            for (int z = 0; z < stack.frames().size(); z++) {
                ImageFrame frame = stack.frames().get(z);
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < COLUMNS; c++) {
                        volume.setStored(c, r, z, f.at(voxelCentre(frame, c, r)));
                    }
                }
            }
            return volume;
        }

        double minimum(Linear f) {
            double min = Double.POSITIVE_INFINITY;
            for (ImageFrame frame : stack.frames()) {
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < COLUMNS; c++) {
                        min = Math.min(min, f.at(voxelCentre(frame, c, r)));
                    }
                }
            }
            return min;
        }

        /**
         * Checks every output voxel: inside the data (between the first and last slice, and within the voxel
         * centres of both bracketing slices) it must equal the field within tol; outside the footprint of both
         * bracketing slices it must hold the fill value, the same everywhere.
         */
        Check check(Volume out, Linear f, double tol) {
            double[] p = stack.positions();
            int inside = 0;
            int outside = 0;
            double fill = Double.NaN;
            double maxError = 0;
            ImageGrid g = out.grid();
            for (int k = 0; k < g.sizeZ(); k++) {
                for (int j = 0; j < g.sizeY(); j++) {
                    for (int i = 0; i < g.sizeX(); i++) {
                        Vec3 centre = g.indexToLps().apply(i, j, k);
                        double t = centre.dot(stack.normal());
                        if (t < p[0] - 1e-9 || t > p[p.length - 1] + 1e-9) {
                            continue;
                        }
                        int lo = 0;
                        while (lo + 2 < p.length && p[lo + 1] <= t) {
                            lo++;
                        }
                        double[] a = planeCoordinates(lo, centre);
                        double[] b = planeCoordinates(lo + 1, centre);
                        double value = out.getPhysical(i, j, k);
                        if (within(a, 0) && within(b, 0)) {
                            double error = Math.abs(value - f.at(centre));
                            maxError = Math.max(maxError, error);
                            assertTrue(error <= tol, "voxel (" + i + ", " + j + ", " + k + ") = " + value
                                    + ", field " + f.at(centre) + ", error " + error);
                            inside++;
                        } else if (!within(a, 0.5 + 1e-6) && !within(b, 0.5 + 1e-6)) {
                            if (Double.isNaN(fill)) {
                                fill = value;
                            }
                            assertEquals(fill, value, "outside voxel (" + i + ", " + j + ", " + k + ")");
                            outside++;
                        }
                    }
                }
            }
            if (outside > 0) {
                assertEquals(minimum(f), fill, Math.max(tol, 1e-9), "fill is the volume's minimum");
            }
            return new Check(inside, outside, fill, maxError);
        }

        private double[] planeCoordinates(int slice, Vec3 point) {
            ImageFrame frame = stack.frames().get(slice);
            Vec3 d = point.sub(frame.position());
            return new double[] {d.dot(frame.rowDirection()) / frame.columnSpacing(), d.dot(frame.columnDirection()) / frame.rowSpacing()};
        }

        private static boolean within(double[] cr, double margin) {
            return cr[0] >= -margin - 1e-9 && cr[0] <= COLUMNS - 1 + margin + 1e-9
                    && cr[1] >= -margin - 1e-9 && cr[1] <= ROWS - 1 + margin + 1e-9;
        }
    }
}
