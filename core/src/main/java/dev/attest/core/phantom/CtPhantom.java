package dev.attest.core.phantom;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A synthetic torso CT with known anatomy, for the demo case and for tests that need a volume
 * whose truth is known: body, fat, lungs, liver, spleen, kidneys, spine, aorta, inferior vena cava and
 * three lesions, with
 * realistic Hounsfield units and seeded Gaussian noise. Shapes are ellipsoids in patient LPS
 * millimetres, so the label map is exact by construction.
 */
public final class CtPhantom {
    /** One labelled structure: an ellipsoid (centre, semi-axes in mm) with its HU. */
    public record Structure(int label, String name, Vec3 centre, Vec3 radii, double hu) {
        boolean contains(Vec3 p) {
            double dx = (p.x() - centre.x()) / radii.x();
            double dy = (p.y() - centre.y()) / radii.y();
            double dz = (p.z() - centre.z()) / radii.z();
            return dx * dx + dy * dy + dz * dz <= 1;
        }
    }

    /** The generated pair: the CT (INT16, HU = stored − 1024) and its label map (UINT8). */
    public record Result(Volume ct, Volume labels, List<Structure> structures) {
    }

    /** Later structures overwrite earlier ones, so order goes from outside in. Patient left is +x, posterior +y. */
    public static final List<Structure> STRUCTURES = List.of(
            new Structure(1, "body", new Vec3(0, 0, 0), new Vec3(160, 110, 400), 45),
            new Structure(2, "right lung", new Vec3(-70, 5, 70), new Vec3(55, 70, 90), -850),
            new Structure(3, "left lung", new Vec3(70, 5, 70), new Vec3(52, 68, 88), -850),
            new Structure(4, "liver", new Vec3(-60, -5, -40), new Vec3(75, 65, 55), 60),
            new Structure(5, "right kidney", new Vec3(-55, 45, -80), new Vec3(25, 22, 45), 30),
            new Structure(6, "left kidney", new Vec3(55, 45, -75), new Vec3(25, 22, 45), 30),
            new Structure(7, "vertebral column", new Vec3(0, 70, 0), new Vec3(18, 18, 400), 700),
            new Structure(8, "aorta", new Vec3(10, 40, 0), new Vec3(12, 12, 400), 200),
            new Structure(9, "liver lesion", new Vec3(-75, -20, -35), new Vec3(15, 14, 13), 20),
            new Structure(10, "lung nodule", new Vec3(60, -20, 95), new Vec3(6, 6, 6), -10),
            new Structure(11, "kidney cyst", new Vec3(58, 50, -95), new Vec3(9, 9, 9), 5),
            new Structure(12, "spleen", new Vec3(92, 10, -20), new Vec3(26, 20, 42), 50),
            // The IVC runs through the liver (as it does), posterior-right of the aorta, and ends below the heart.
            new Structure(13, "inferior vena cava", new Vec3(-18, 38, -60), new Vec3(10, 9, 140), 160));

    /** Display colour (0xRRGGBB) per label, indexed by label − 1: organ-like hues, lesions in signal colours. */
    private static final int[] COLOURS = {
        0xE3C5A8, 0x7FB8E6, 0x5E9ED6, 0xB5472F, 0xC7A02E, 0xE0B83A, 0xF2EBD3, 0xE0301E,
        0x39FF14, 0xFF00FF, 0x00E5FF, 0x9D4EDD, 0x2F5EE0,
    };

    /** Body voxels outside this ellipse (mm, axial) are subcutaneous fat. */
    static final double MUSCLE_RX = 150;
    static final double MUSCLE_RY = 100;
    static final double FAT_HU = -100;

    private CtPhantom() {
    }

    /**
     * Generates an axial volume of {@code nx × ny × nz} voxels at the given spacing, centred on the
     * phantom, with noise of standard deviation {@code noiseHu} drawn from {@code seed}.
     */
    public static Result generate(int nx, int ny, int nz, double inPlaneMm, double sliceMm, double noiseHu, long seed) {
        return render(STRUCTURES, MUSCLE_RX, MUSCLE_RY, FAT_HU, nx, ny, nz, inPlaneMm, sliceMm, noiseHu, seed, null);
    }

    /**
     * Renders any list of structures (later ones overwrite earlier ones) with a subcutaneous fat layer
     * outside the axial muscle ellipse (semi-axes in mm) inside the body label, on a grid centred on the
     * body moved by {@code fieldShift} (null: not moved); {@link CtPhantomVariants} uses it with varied anatomy.
     */
    static Result render(List<Structure> structures, double muscleRx, double muscleRy, double fatHu,
                         int nx, int ny, int nz, double inPlaneMm, double sliceMm, double noiseHu, long seed,
                         Vec3 fieldShift) {
        Vec3 origin = new Vec3(-(nx - 1) * inPlaneMm / 2, -(ny - 1) * inPlaneMm / 2, -(nz - 1) * sliceMm / 2);
        if (fieldShift != null) {
            origin = new Vec3(origin.x() + fieldShift.x(), origin.y() + fieldShift.y(), origin.z() + fieldShift.z());
        }
        ImageGrid grid = new ImageGrid(nx, ny, nz, Affine.fromColumns(new Vec3(inPlaneMm, 0, 0),
                new Vec3(0, inPlaneMm, 0), new Vec3(0, 0, sliceMm), origin));
        Volume ct = Volume.allocate(grid, VoxelType.INT16);
        ct.setRescale(new Rescale(1, -1024));
        ct.setName("Attest CT phantom");
        Volume labels = Volume.allocate(grid, VoxelType.UINT8);
        labels.setName("Attest CT phantom labels");
        IntStream.range(0, nz).parallel().forEach(z -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + z);
            short[] hu = (short[]) ct.sliceArray(z);
            byte[] lab = (byte[]) labels.sliceArray(z);
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    Vec3 p = grid.indexToLps().apply(x, y, z);
                    double value = -1000;
                    int label = 0;
                    for (Structure s : structures) {
                        if (s.contains(p)) {
                            value = s.hu();
                            label = s.label();
                        }
                    }
                    if (label == 1 && sq(p.x() / muscleRx) + sq(p.y() / muscleRy) > 1) {
                        value = fatHu;
                    }
                    value += noiseHu * gaussian(random);
                    long clamped = Math.max(-1024, Math.min(3071, Math.round(value)));
                    hu[y * nx + x] = (short) (clamped + 1024);
                    lab[y * nx + x] = (byte) label;
                }
            }
        });
        return new Result(ct, labels, structures);
    }

    /** Names and colours of the label map, for the legend and the ITK-SNAP description written beside it. */
    public static LabelDescriptions labelDescriptions() {
        return new LabelDescriptions(STRUCTURES.stream()
                // The body would tint the whole torso and hide the organs: listed, but off at first.
                .map(st -> new LabelDescription(st.label(), st.name(), COLOURS[st.label() - 1], st.label() != 1)).toList());
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
