package dev.attest.core.phantom;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo phantom's truth: every structure is present where it is declared, the label map holds
 * exactly the last structure containing each voxel centre, HU and noise have the declared
 * statistics, and the same seed gives the same volume.
 */
class CtPhantomTest {
    /** The demo's own size: 256 × 256 × 120 at 1.4 × 1.4 × 2.5 mm. */
    private static final CtPhantom.Result DEMO = CtPhantom.generate(256, 256, 120, 1.4, 2.5, 12, 20260101L);

    @Test
    void labelMapHoldsTheLastStructureContainingEachVoxelCentre() {
        var grid = DEMO.labels().grid();
        long[] counts = new long[CtPhantom.STRUCTURES.size() + 1];
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    Vec3 p = grid.indexToLps().apply(x, y, z);
                    int expected = 0;
                    for (CtPhantom.Structure s : CtPhantom.STRUCTURES) {
                        double dx = (p.x() - s.centre().x()) / s.radii().x();
                        double dy = (p.y() - s.centre().y()) / s.radii().y();
                        double dz = (p.z() - s.centre().z()) / s.radii().z();
                        if (dx * dx + dy * dy + dz * dz <= 1) {
                            expected = s.label();
                        }
                    }
                    int actual = (int) DEMO.labels().getStored(x, y, z);
                    if (actual != expected) {
                        throw new AssertionError("voxel " + x + "," + y + "," + z + ": label " + actual + ", expected " + expected);
                    }
                    counts[actual]++;
                }
            }
        }
        for (int label = 1; label < counts.length; label++) {
            assertTrue(counts[label] > 50, "label " + label + " has only " + counts[label] + " voxels");
        }
    }

    @Test
    void structuresSitOnTheDeclaredSideOfThePatient() {
        assertEquals(4, labelAt(new Vec3(-60, -5, -40)), "liver in the patient's right (−x)");
        assertEquals(12, labelAt(new Vec3(92, 10, -20)), "spleen in the patient's left (+x)");
        assertEquals(5, labelAt(new Vec3(-55, 45, -80)), "right kidney");
        assertEquals(6, labelAt(new Vec3(55, 45, -75)), "left kidney");
        assertEquals(7, labelAt(new Vec3(0, 70, 0)), "spine posterior (+y)");
        assertEquals(8, labelAt(new Vec3(10, 40, 100)), "aorta left of the midline");
        assertEquals(13, labelAt(new Vec3(-18, 38, -60)), "IVC right of the aorta");
        assertEquals(9, labelAt(new Vec3(-75, -20, -35)), "liver lesion");
        assertEquals(10, labelAt(new Vec3(60, -20, 95)), "lung nodule in the left upper lung");
        assertEquals(11, labelAt(new Vec3(58, 50, -95)), "kidney cyst");
        assertEquals(0, labelAt(new Vec3(0, -150, 0)), "air in front of the body");
    }

    @Test
    void tissueHasItsDeclaredHuAndNoise() {
        double[] liver = statsInside(4, new Vec3(-60, -5, -40), 20);
        assertEquals(60, liver[0], 1.0, "liver mean HU");
        assertEquals(12, liver[1], 0.6, "noise SD");
        double[] lung = statsInside(2, new Vec3(-70, 5, 70), 20);
        assertEquals(-850, lung[0], 1.0, "lung mean HU");
        double[] spleen = statsInside(12, new Vec3(92, 10, -20), 10);
        assertEquals(50, spleen[0], 2.0, "spleen mean HU");
    }

    @Test
    void sameSeedSameVolumeOtherSeedOtherNoise() {
        Volume a = CtPhantom.generate(32, 32, 8, 10, 20, 12, 5).ct();
        Volume b = CtPhantom.generate(32, 32, 8, 10, 20, 12, 5).ct();
        Volume c = CtPhantom.generate(32, 32, 8, 10, 20, 12, 6).ct();
        for (int z = 0; z < 8; z++) {
            assertArrayEquals((short[]) a.sliceArray(z), (short[]) b.sliceArray(z));
        }
        assertFalse(Arrays.equals((short[]) a.sliceArray(4), (short[]) c.sliceArray(4)));
    }

    @Test
    void everyLabelHasANameAndADistinctColour() {
        var all = CtPhantom.labelDescriptions().all();
        assertEquals(CtPhantom.STRUCTURES.size(), all.size());
        assertEquals(new LabelDescription(4, "liver", 0xB5472F), all.get(3));
        assertEquals(new LabelDescription(1, "body", 0xE3C5A8, false), all.get(0), "the body starts hidden");
        assertEquals(all.size(), all.stream().mapToInt(LabelDescription::rgb).distinct().count());
    }

    private static int labelAt(Vec3 p) {
        Vec3 i = DEMO.labels().grid().lpsToIndex().apply(p);
        return (int) DEMO.labels().getStored((int) Math.round(i.x()), (int) Math.round(i.y()), (int) Math.round(i.z()));
    }

    /** Mean and SD of HU over voxels with the label within radiusMm of a centre. */
    private static double[] statsInside(int label, Vec3 centre, double radiusMm) {
        var grid = DEMO.ct().grid();
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    if ((int) DEMO.labels().getStored(x, y, z) == label
                            && grid.indexToLps().apply(x, y, z).distance(centre) <= radiusMm) {
                        double hu = DEMO.ct().getPhysical(x, y, z);
                        sum += hu;
                        sq += hu * hu;
                        n++;
                    }
                }
            }
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(sq / n - mean * mean)};
    }
}
