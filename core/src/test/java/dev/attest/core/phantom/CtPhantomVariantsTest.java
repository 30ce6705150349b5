package dev.attest.core.phantom;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phantom variants stay anatomically sensible over many seeds (organs within their jitter bounds, lesions
 * inside their organ), are reproducible per seed, and the training-set writer's NIfTI files hold exactly
 * the generated voxels.
 */
class CtPhantomVariantsTest {

    private static final Map<Integer, Integer> LESION_PARENT = Map.of(9, 4, 10, 3, 11, 6);

    @Test
    void organsStayWithinTheirJitterBoundsAndLesionsInsideTheirOrgan() {
        int lesionsSeen = 0;
        for (long seed = 0; seed < 500; seed++) {
            CtPhantomVariants.Variant v = CtPhantomVariants.draw(seed);
            assertTrue(v.noiseHu() >= 4 && v.noiseHu() <= 20, "noise " + v.noiseHu());
            assertTrue(Math.abs(v.fieldShift().x()) <= 10 && Math.abs(v.fieldShift().y()) <= 10
                    && Math.abs(v.fieldShift().z()) <= 30, "field shift " + v.fieldShift());
            Map<Integer, CtPhantom.Structure> byLabel = new java.util.HashMap<>();
            v.structures().forEach(s -> byLabel.put(s.label(), s));
            for (CtPhantom.Structure base : CtPhantom.STRUCTURES) {
                CtPhantom.Structure s = byLabel.get(base.label());
                Integer parent = LESION_PARENT.get(base.label());
                if (parent == null) {
                    assertTrue(s != null, "seed " + seed + " lost " + base.name());
                    // Scale 0.9–1.1 and per-axis 0.88–1.12 on the semi-axes; centres move by scale plus at most 15 mm.
                    assertWithin(base.centre().x(), s.centre().x(), 0.1 * Math.abs(base.centre().x()) + 8.001, seed, base);
                    assertWithin(base.centre().y(), s.centre().y(), 0.1 * Math.abs(base.centre().y()) + 8.001, seed, base);
                    assertWithin(base.centre().z(), s.centre().z(), 0.1 * Math.abs(base.centre().z()) + 15.001, seed, base);
                    for (double ratio : new double[]{s.radii().x() / base.radii().x(), s.radii().y() / base.radii().y(),
                        s.radii().z() / base.radii().z()}) {
                        assertTrue(ratio >= 0.88 * 0.9 - 1e-9 && ratio <= 1.12 * 1.1 + 1e-9,
                                "seed " + seed + " " + base.name() + " radius ratio " + ratio);
                    }
                } else if (s != null) {
                    lesionsSeen++;
                    assertTrue(byLabel.get(parent).contains(s.centre()),
                            "seed " + seed + ": " + s.name() + " at " + s.centre() + " is outside its organ");
                }
            }
        }
        // Each lesion is present with probability 0.85: 1275 of 1500 expected, standard deviation 13.8.
        assertTrue(lesionsSeen > 1220 && lesionsSeen < 1330, "lesions present: " + lesionsSeen);
    }

    private static void assertWithin(double expected, double actual, double tolerance, long seed, CtPhantom.Structure s) {
        assertTrue(Math.abs(actual - expected) <= tolerance,
                "seed " + seed + " " + s.name() + ": " + actual + " is more than " + tolerance + " from " + expected);
    }

    @Test
    void sameSeedGivesTheSameVariantAndOthersDiffer() {
        assertEquals(CtPhantomVariants.draw(42), CtPhantomVariants.draw(42));
        assertNotEquals(CtPhantomVariants.draw(42).structures(), CtPhantomVariants.draw(43).structures());
        CtPhantom.Result a = CtPhantomVariants.generate(24, 20, 12, 15, 20, 42);
        CtPhantom.Result b = CtPhantomVariants.generate(24, 20, 12, 15, 20, 42);
        for (int z = 0; z < 12; z++) {
            assertArrayEquals((short[]) a.ct().sliceArray(z), (short[]) b.ct().sliceArray(z));
            assertArrayEquals((byte[]) a.labels().sliceArray(z), (byte[]) b.labels().sliceArray(z));
        }
    }

    @Test
    void labelMapHoldsTheLastVariantStructureContainingEachShiftedVoxelCentre() {
        CtPhantomVariants.Variant v = CtPhantomVariants.draw(7);
        CtPhantom.Result r = CtPhantomVariants.generate(40, 36, 30, 9, 10, 7);
        Vec3 shift = v.fieldShift();
        for (int z = 0; z < 30; z++) {
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 40; x++) {
                    // The field of view is centred on the body, then moved by the variant's shift.
                    Vec3 p = new Vec3(-19.5 * 9 + x * 9 + shift.x(), -17.5 * 9 + y * 9 + shift.y(),
                            -14.5 * 10 + z * 10 + shift.z());
                    int expected = 0;
                    for (CtPhantom.Structure s : v.structures()) {
                        if (s.contains(p)) {
                            expected = s.label();
                        }
                    }
                    assertEquals(expected, (int) r.labels().getStored(x, y, z), "voxel " + x + "," + y + "," + z);
                }
            }
        }
    }

    @Test
    void trainingSetWriterWritesTheGeneratedVoxelsAndAnIndex(@TempDir Path dir) throws IOException {
        PhantomTrainingSet.write(dir, 2, 100, 20, 18, 16, 20);
        for (long seed : new long[]{100, 101}) {
            CtPhantom.Result r = CtPhantomVariants.generate(20, 18, 16, 20, 20, seed);
            Volume ct = NiftiReader.read(dir.resolve("case_" + seed + "_ct.nii.gz")).volume();
            Volume labels = NiftiReader.read(dir.resolve("case_" + seed + "_labels.nii.gz")).volume();
            for (int z = 0; z < 16; z++) {
                for (int y = 0; y < 18; y++) {
                    for (int x = 0; x < 20; x++) {
                        assertEquals(r.ct().getPhysical(x, y, z), ct.getPhysical(x, y, z), 0);
                        assertEquals(r.labels().getStored(x, y, z), labels.getStored(x, y, z), 0);
                    }
                }
            }
            assertEquals(r.ct().grid().indexToLps().apply(3, 4, 5).x(), ct.grid().indexToLps().apply(3, 4, 5).x(), 1e-3);
        }
        String tsv = Files.readString(dir.resolve("cases.tsv"));
        assertEquals("seed\tnoise_hu\tlabels_present", tsv.lines().findFirst().orElseThrow());
        assertEquals(3, tsv.lines().count());
        assertTrue(tsv.lines().skip(1).allMatch(l -> l.matches("10[01]\t\\d+\\.\\d\\d\t1,2,3,4,5,6,7,8(,\\d+)*")), tsv);
        assertTrue(Files.readString(dir.resolve("labels.txt")).contains("\"inferior vena cava\""));
    }
}
