package dev.attest.core.phantom;

import dev.attest.core.geometry.Vec3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import dev.attest.core.phantom.CtPhantom.Structure;

/**
 * Seeded anatomical variants of {@link CtPhantom} for training and testing segmentation models: the body is
 * scaled and shifted, every organ's centre and semi-axes are jittered within bounds that keep the anatomy
 * plausible (lesions stay inside their organ), HU values and the noise level vary, and each lesion may be
 * absent. The same seed gives the same variant; {@link CtPhantom#generate} itself is untouched.
 */
public final class CtPhantomVariants {

    /**
     * The drawn anatomy: structures in drawing order, the muscle ellipse and fat HU, the noise level, and how
     * far the field of view's centre sits from the body's centre (mm, LPS).
     */
    public record Variant(long seed, List<Structure> structures, double muscleRx, double muscleRy, double fatHu,
                          double noiseHu, Vec3 fieldShift) {
        public Variant {
            structures = List.copyOf(structures);
        }
    }

    private static final int LIVER = 4;
    private static final int LEFT_LUNG = 3;
    private static final int LEFT_KIDNEY = 6;
    /** Lesion label → the organ it lives in. */
    private static final Map<Integer, Integer> PARENT = Map.of(9, LIVER, 10, LEFT_LUNG, 11, LEFT_KIDNEY);
    private static final double LESION_PRESENT = 0.85;

    private CtPhantomVariants() {
    }

    /** Draws the anatomy of variant {@code seed}. */
    public static Variant draw(long seed) {
        SplittableRandom r = new SplittableRandom(0x9E3779B97F4A7C15L ^ seed);
        double sx = u(r, 0.9, 1.1);
        double sy = u(r, 0.9, 1.1);
        double sz = u(r, 0.9, 1.1);
        Vec3 shift = new Vec3(u(r, -10, 10), u(r, -10, 10), u(r, -30, 30));
        double tissueShift = u(r, -10, 10);
        Map<Integer, Structure> placed = new HashMap<>();
        List<Structure> out = new ArrayList<>();
        for (Structure s : CtPhantom.STRUCTURES) {
            int label = s.label();
            // Every structure draws the same number of values, so adding a rule for one label does not
            // reshuffle the others.
            Vec3 jitter = new Vec3(u(r, -1, 1), u(r, -1, 1), u(r, -1, 1));
            Vec3 k = new Vec3(u(r, 0.88, 1.12), u(r, 0.88, 1.12), u(r, 0.88, 1.12));
            double huJitter = u(r, -1, 1);
            boolean present = r.nextDouble() < LESION_PRESENT;
            Vec3 centre;
            Vec3 radii;
            double hu;
            Integer parent = PARENT.get(label);
            if (label == 1) {
                centre = s.centre();
                radii = new Vec3(s.radii().x() * sx, s.radii().y() * sy, s.radii().z() * sz);
                hu = s.hu() + tissueShift;
            } else if (parent != null) {
                if (!present) {
                    continue;
                }
                Structure base = CtPhantom.STRUCTURES.get(parent - 1);
                Structure organ = placed.get(parent);
                // Keep the lesion where it sits in its organ, in the organ's own scaled frame.
                centre = new Vec3(
                        organ.centre().x() + (s.centre().x() - base.centre().x()) * organ.radii().x() / base.radii().x() + 4 * jitter.x(),
                        organ.centre().y() + (s.centre().y() - base.centre().y()) * organ.radii().y() / base.radii().y() + 4 * jitter.y(),
                        organ.centre().z() + (s.centre().z() - base.centre().z()) * organ.radii().z() / base.radii().z() + 4 * jitter.z());
                double g = 0.8 + 0.45 * (k.x() - 0.88) / 0.24;
                radii = new Vec3(s.radii().x() * g, s.radii().y() * g, s.radii().z() * g);
                hu = s.hu() + 8 * huJitter;
            } else {
                boolean tube = label == 7 || label == 8 || label == 13;
                double jxy = tube ? 4 : 8;
                double jz = label == 13 ? 15 : tube ? 0 : 8;
                centre = new Vec3(s.centre().x() * sx + jxy * jitter.x(),
                        s.centre().y() * sy + jxy * jitter.y(),
                        s.centre().z() * sz + jz * jitter.z());
                radii = tube
                        ? new Vec3(s.radii().x() * k.x(), s.radii().y() * k.x(), s.radii().z() * (label == 13 ? k.z() * sz : 1))
                        : new Vec3(s.radii().x() * sx * k.x(), s.radii().y() * sy * k.y(), s.radii().z() * sz * k.z());
                hu = s.hu() + switch (label) {
                    case 2, 3 -> 40 * huJitter;
                    case 7 -> 100 * huJitter;
                    case 8, 13 -> 50 * huJitter + 10;
                    default -> 10 * huJitter + tissueShift;
                };
            }
            Structure v = new Structure(label, s.name(), centre, radii, hu);
            placed.put(label, v);
            out.add(v);
        }
        double fatHu = CtPhantom.FAT_HU + u(r, -20, 20);
        double noise = u(r, 4, 20);
        return new Variant(seed, out, CtPhantom.MUSCLE_RX * sx, CtPhantom.MUSCLE_RY * sy, fatHu, noise, shift);
    }

    /** Renders variant {@code seed} on an axial grid centred like {@link CtPhantom#generate}, moved by the variant's field shift. */
    public static CtPhantom.Result generate(int nx, int ny, int nz, double inPlaneMm, double sliceMm, long seed) {
        Variant v = draw(seed);
        return CtPhantom.render(v.structures(), v.muscleRx(), v.muscleRy(), v.fatHu(), nx, ny, nz, inPlaneMm,
                sliceMm, v.noiseHu(), seed, v.fieldShift());
    }

    private static double u(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
