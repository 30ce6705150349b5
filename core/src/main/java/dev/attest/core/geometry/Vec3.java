package dev.attest.core.geometry;

/** A point or direction in three-dimensional space, in millimetres when it lies in patient space. */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 add(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 sub(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 scale(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** Returns the unit vector in this direction; a zero vector has no direction, so it is refused. */
    public Vec3 normalized() {
        double n = norm();
        if (n == 0 || !Double.isFinite(n)) {
            throw new ArithmeticException("cannot normalise " + this);
        }
        return scale(1 / n);
    }

    public double distance(Vec3 o) {
        return sub(o).norm();
    }

    /** Returns the component along axis 0 (x), 1 (y) or 2 (z). */
    public double get(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException("axis " + axis + " is not 0, 1 or 2");
        };
    }
}
