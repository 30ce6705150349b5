package dev.attest.inference.probe;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.inference.run.GridResampler;

import java.util.Map;

/**
 * Rotates the image by degrees about a patient axis (L, P or S of the LPS frame) through the volume's centre
 * (the LPS position of voxel index ((nx − 1)/2, (ny − 1)/2, (nz − 1)/2)), positive by the right-hand rule:
 * a patient positioned slightly differently. The result stays on the source grid: the value at LPS point p is
 * the source's trilinear interpolation at c + R⁻¹(p − c), and points that fall outside the source take the
 * value of its nearest edge voxel ({@link GridResampler#trilinear}), as scipy.ndimage's affine_transform with
 * order=1 and mode="nearest" does.
 *
 * <p>A rotation moves the anatomy, so a model that follows it perfectly still gives labels in other voxels.
 * The perturbed run's outputs are therefore turned back by R⁻¹ about the same centre before they are compared
 * (labels by nearest voxel, maps trilinearly): what remains is the model's own change, plus the small loss of
 * resampling a label map twice (see docs/robustness.md for its size on the demo phantom).
 */
public record Rotation(double degrees, PatientAxis axis) implements Perturbation {

    /** The axis of a rotation, as a unit LPS vector. */
    public enum PatientAxis {
        L(new Vec3(1, 0, 0)), P(new Vec3(0, 1, 0)), S(new Vec3(0, 0, 1));

        private final Vec3 direction;

        PatientAxis(Vec3 direction) {
            this.direction = direction;
        }

        public Vec3 direction() {
            return direction;
        }
    }

    public Rotation {
        if (!Double.isFinite(degrees)) {
            throw new IllegalArgumentException("rotation angle must be finite, got " + degrees);
        }
        if (axis == null) {
            throw new IllegalArgumentException("a rotation needs an axis: L, P or S");
        }
    }

    @Override
    public String kind() {
        return "rotate";
    }

    @Override
    public String parameter() {
        return "deg";
    }

    @Override
    public double level() {
        return degrees;
    }

    @Override
    public Map<String, String> options() {
        return Map.of("axis", axis.name());
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        // A grid carrying the source values, turned by R about c: resampling it onto the source grid reads the
        // source at c + R⁻¹(p − c) for every voxel centre p, which is the image turned by R.
        ImageGrid turned = new ImageGrid(grid.sizeX(), grid.sizeY(), grid.sizeZ(),
                aboutCentre(grid).multiply(grid.indexToLps()));
        return GridResampler.trilinear(values, turned, grid);
    }

    @Override
    public float[] restoreMap(float[] map, ImageGrid grid) {
        return inverse().apply(map, grid);
    }

    @Override
    public int[] restoreLabels(int[] labels, ImageGrid grid) {
        short[] in = new short[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > Short.MAX_VALUE) {
                throw new IllegalArgumentException("label " + labels[i] + " is above 32767");
            }
            in[i] = (short) labels[i];
        }
        Rotation back = inverse();
        ImageGrid turned = new ImageGrid(grid.sizeX(), grid.sizeY(), grid.sizeZ(),
                back.aboutCentre(grid).multiply(grid.indexToLps()));
        int[] out = new int[labels.length];
        GridResampler.nearest(in, turned, grid, (i, v) -> out[i] = v);
        return out;
    }

    /** The same rotation backwards: −degrees about the same axis, whose matrix is exactly R's transpose. */
    public Rotation inverse() {
        return new Rotation(-degrees, axis);
    }

    /** T(c) · R · T(−c): the rotation about the volume's centre, in LPS millimetres. */
    Affine aboutCentre(ImageGrid grid) {
        Vec3 c = grid.indexToLps().apply((grid.sizeX() - 1) / 2.0, (grid.sizeY() - 1) / 2.0, (grid.sizeZ() - 1) / 2.0);
        double[][] r = matrix(axis.direction(), Math.toRadians(degrees));
        Vec3 t = c.sub(new Vec3(r[0][0] * c.x() + r[0][1] * c.y() + r[0][2] * c.z(),
                r[1][0] * c.x() + r[1][1] * c.y() + r[1][2] * c.z(),
                r[2][0] * c.x() + r[2][1] * c.y() + r[2][2] * c.z()));
        return Affine.of(new double[][] {
            {r[0][0], r[0][1], r[0][2], t.x()},
            {r[1][0], r[1][1], r[1][2], t.y()},
            {r[2][0], r[2][1], r[2][2], t.z()},
            {0, 0, 0, 1}});
    }

    /** Rodrigues' formula: the rotation by theta about unit vector u. */
    static double[][] matrix(Vec3 u, double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double k = 1 - c;
        double x = u.x();
        double y = u.y();
        double z = u.z();
        return new double[][] {
            {c + x * x * k, x * y * k - z * s, x * z * k + y * s},
            {y * x * k + z * s, c + y * y * k, y * z * k - x * s},
            {z * x * k - y * s, z * y * k + x * s, c + z * z * k}};
    }
}
