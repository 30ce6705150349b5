package dev.attest.core.geometry;

/**
 * A voxel grid placed in patient space: its size and the affine from voxel index (i, j, k) =
 * (column, row, slice) to LPS millimetres, the DICOM patient coordinate system.
 */
public final class ImageGrid {

    /** Flips x and y; it converts RAS to LPS and back, being its own inverse. */
    private static final Affine RAS_LPS_FLIP = Affine.diagonal(-1, -1, 1);

    /** Letters for the +x, +y, +z LPS directions and their opposites. */
    private static final char[] POSITIVE = {'L', 'P', 'S'};
    private static final char[] NEGATIVE = {'R', 'A', 'I'};

    private final int sizeX;
    private final int sizeY;
    private final int sizeZ;
    private final Affine indexToLps;
    private final Affine lpsToIndex;

    /**
     * Creates a grid; the affine must be invertible, since a grid whose voxels collapse onto a
     * plane cannot be placed in the patient.
     */
    public ImageGrid(int sizeX, int sizeY, int sizeZ, Affine indexToLps) {
        if (sizeX <= 0 || sizeY <= 0 || sizeZ <= 0) {
            throw new IllegalArgumentException(
                    "grid sizes must be positive, got " + sizeX + " x " + sizeY + " x " + sizeZ);
        }
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.sizeZ = sizeZ;
        this.indexToLps = indexToLps;
        this.lpsToIndex = indexToLps.inverse();
    }

    /** Creates a grid from a voxel-to-RAS affine (NIfTI's convention); only I/O code should need this. */
    public static ImageGrid fromRas(int sizeX, int sizeY, int sizeZ, Affine indexToRas) {
        return new ImageGrid(sizeX, sizeY, sizeZ, RAS_LPS_FLIP.multiply(indexToRas));
    }

    public int sizeX() {
        return sizeX;
    }

    public int sizeY() {
        return sizeY;
    }

    public int sizeZ() {
        return sizeZ;
    }

    /** Returns the size along axis 0 (i), 1 (j) or 2 (k). */
    public int size(int axis) {
        return switch (axis) {
            case 0 -> sizeX;
            case 1 -> sizeY;
            case 2 -> sizeZ;
            default -> throw new IndexOutOfBoundsException("axis " + axis + " is not 0, 1 or 2");
        };
    }

    public long voxelCount() {
        return (long) sizeX * sizeY * sizeZ;
    }

    public Affine indexToLps() {
        return indexToLps;
    }

    public Affine lpsToIndex() {
        return lpsToIndex;
    }

    /** Returns the voxel-to-RAS affine, diag(-1, -1, 1, 1) · indexToLps, for writing NIfTI. */
    public Affine toRas() {
        return RAS_LPS_FLIP.multiply(indexToLps);
    }

    /** Returns the distance in mm between neighbouring voxels along i, j and k. */
    public Vec3 spacing() {
        return new Vec3(indexToLps.column(0).norm(), indexToLps.column(1).norm(), indexToLps.column(2).norm());
    }

    /** Returns the LPS position of the centre of voxel (0, 0, 0). */
    public Vec3 origin() {
        return indexToLps.translation();
    }

    /** Returns the unit LPS direction in which the index along the given axis increases. */
    public Vec3 axisDirection(int axis) {
        if (axis < 0 || axis > 2) {
            throw new IndexOutOfBoundsException("axis " + axis + " is not 0, 1 or 2");
        }
        return indexToLps.column(axis).normalized();
    }

    /**
     * Tells whether the three axes are mutually perpendicular, comparing the cosine of each angle
     * between axes with tol; a gantry-tilted CT grid is not.
     */
    public boolean isOrthogonal(double tol) {
        Vec3 a = axisDirection(0);
        Vec3 b = axisDirection(1);
        Vec3 c = axisDirection(2);
        return Math.abs(a.dot(b)) <= tol && Math.abs(a.dot(c)) <= tol && Math.abs(b.dot(c)) <= tol;
    }

    /**
     * Returns the three letters naming the patient direction closest to +i, +j and +k, using the
     * letters of the direction each axis points towards: "LPS" means +i to the patient's left, +j
     * posterior, +k superior; a NIfTI file stored RAS reads "RAS". Each patient axis is used once.
     */
    public String orientationCode() {
        Vec3[] columns = {indexToLps.column(0), indexToLps.column(1), indexToLps.column(2)};
        char[] code = new char[3];
        boolean[] columnDone = new boolean[3];
        boolean[] patientAxisUsed = new boolean[3];
        // Greedy on the largest remaining component keeps oblique grids stable: the strongest
        // alignment is decided first and cannot be stolen by a weaker one.
        for (int assigned = 0; assigned < 3; assigned++) {
            int bestColumn = -1;
            int bestAxis = -1;
            double best = -1;
            for (int c = 0; c < 3; c++) {
                for (int a = 0; a < 3; a++) {
                    double v = Math.abs(columns[c].get(a));
                    if (!columnDone[c] && !patientAxisUsed[a] && v > best) {
                        best = v;
                        bestColumn = c;
                        bestAxis = a;
                    }
                }
            }
            columnDone[bestColumn] = true;
            patientAxisUsed[bestAxis] = true;
            code[bestColumn] = columns[bestColumn].get(bestAxis) >= 0 ? POSITIVE[bestAxis] : NEGATIVE[bestAxis];
        }
        return new String(code);
    }

    /**
     * Tells whether both grids have the same size and every voxel centre of one lies within tolMm
     * of the same voxel's centre in the other. Checking the eight corner voxels suffices because
     * the distance between two affine maps is largest at a corner of the grid.
     */
    public boolean sameGeometry(ImageGrid other, double tolMm) {
        if (sizeX != other.sizeX || sizeY != other.sizeY || sizeZ != other.sizeZ) {
            return false;
        }
        for (int corner = 0; corner < 8; corner++) {
            double i = (corner & 1) == 0 ? 0 : sizeX - 1;
            double j = (corner & 2) == 0 ? 0 : sizeY - 1;
            double k = (corner & 4) == 0 ? 0 : sizeZ - 1;
            if (indexToLps.apply(i, j, k).distance(other.indexToLps.apply(i, j, k)) > tolMm) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageGrid g && sizeX == g.sizeX && sizeY == g.sizeY && sizeZ == g.sizeZ
                && indexToLps.equals(g.indexToLps);
    }

    @Override
    public int hashCode() {
        return ((sizeX * 31 + sizeY) * 31 + sizeZ) * 31 + indexToLps.hashCode();
    }

    @Override
    public String toString() {
        return "ImageGrid[" + sizeX + "x" + sizeY + "x" + sizeZ + " " + orientationCode()
                + " spacing=" + spacing() + " origin=" + origin() + "]";
    }
}
