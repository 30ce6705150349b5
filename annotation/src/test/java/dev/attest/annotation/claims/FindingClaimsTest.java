package dev.attest.annotation.claims;

import dev.attest.annotation.edit.GridMismatchException;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.VoxelIndex;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Claims from the noise-free CT phantom, checked against sums taken in the test over its labels and HU. */
class FindingClaimsTest {
    /** 4 × 4 × 6 mm voxels: 0.096 mL each. */
    private static CtPhantom.Result phantom;
    private static List<FindingClaim> claims;

    @BeforeAll
    static void measure() {
        phantom = CtPhantom.generate(96, 72, 60, 4, 6, 0, 1);
        phantom.labels().setName("phantom-labels.nii.gz");
        claims = FindingClaims.fromSegmentation(phantom.labels(), phantom.ct(), CtPhantom.labelDescriptions(), "run-17");
    }

    /** Per label: count, HU sum and HU² sum, LPS centre sums, index bounds, from a plain loop over every voxel. */
    private record Truth(long count, double sum, double sumSq, Vec3 lpsSum, int[] min, int[] max) {
    }

    private static TreeMap<Integer, Truth> truth() {
        TreeMap<Integer, Truth> out = new TreeMap<>();
        ImageGrid g = phantom.labels().grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    int label = (int) phantom.labels().getStored(x, y, z);
                    if (label == 0) {
                        continue;
                    }
                    double hu = phantom.ct().getStored(x, y, z) - 1024;
                    Vec3 p = g.indexToLps().apply(x, y, z);
                    Truth t = out.getOrDefault(label, new Truth(0, 0, 0, Vec3.ZERO, new int[] {x, y, z}, new int[] {x, y, z}));
                    int[] min = {Math.min(t.min[0], x), Math.min(t.min[1], y), Math.min(t.min[2], z)};
                    int[] max = {Math.max(t.max[0], x), Math.max(t.max[1], y), Math.max(t.max[2], z)};
                    out.put(label, new Truth(t.count + 1, t.sum + hu, t.sumSq + hu * hu, t.lpsSum.add(p), min, max));
                }
            }
        }
        return out;
    }

    @Test
    void oneClaimPerLabelWithExactVolumeMeanSdBoxAndCentroid() {
        TreeMap<Integer, Truth> truth = truth();
        assertEquals(List.copyOf(truth.keySet()), claims.stream().map(FindingClaim::labelValue).toList());
        for (FindingClaim c : claims) {
            Truth t = truth.get(c.labelValue());
            String what = c.labelName();
            assertEquals(t.count, c.voxelCount(), what);
            assertEquals(t.count * 4.0 * 4.0 * 6.0 / 1000, c.volumeMl(), 1e-9, what);
            double mean = t.sum / t.count;
            assertEquals(mean, c.mean(), 1e-9, what);
            assertEquals(Math.sqrt(Math.max(0, t.sumSq / t.count - mean * mean)), c.sd(), 1e-6, what);
            assertEquals(new IndexBox(new VoxelIndex(t.min[0], t.min[1], t.min[2]), new VoxelIndex(t.max[0], t.max[1], t.max[2])),
                    c.boundingBox(), what);
            Vec3 centroid = t.lpsSum.scale(1.0 / t.count);
            assertEquals(0, centroid.distance(c.centroidLps()), 1e-9, what);
            assertEquals(new ClaimEvidence.Mask("phantom-labels.nii.gz", c.labelValue()), c.mask(), what);
            assertEquals(Optional.of(c.mask()), c.evidence());
            assertEquals("run-17", c.modelRunRef());
            assertEquals("HU", c.unit());
        }
    }

    @Test
    void everyOrganButTheBodyHasItsPhantomHuExactlyWithNoSpread() {
        for (FindingClaim c : claims) {
            CtPhantom.Structure s = CtPhantom.STRUCTURES.get(c.labelValue() - 1);
            assertEquals(s.name(), c.labelName());
            if (c.labelValue() != 1) {
                // Inside organs nothing overwrites the structure's HU; the body mixes muscle (45) and fat (-100).
                assertEquals(s.hu(), c.mean(), 0.0, s.name());
                assertEquals(0.0, c.sd(), 0.0, s.name());
            }
        }
        FindingClaim body = claims.get(0);
        assertEquals(true, body.mean() > -100 && body.mean() < 45, "body mean " + body.mean());
    }

    @Test
    void liverTextGivesRoundedVolumeAndMean() {
        FindingClaim liver = claims.stream().filter(c -> c.labelValue() == 4).findFirst().orElseThrow();
        long count = truth().get(4).count();
        String ml = String.valueOf(Math.round(count * 0.096));
        String grouped = ml.length() > 3 ? ml.substring(0, ml.length() - 3) + "," + ml.substring(ml.length() - 3) : ml;
        assertEquals("liver, " + grouped + " mL, mean 60 HU", liver.text());
    }

    @Test
    void textIsTheSameInEveryLocaleAndRoundsHalfAwayFromZero() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("liver, 1,512 mL, mean 55 HU", FindingText.of("liver", 1511.5, 54.5, "HU"));
            assertEquals("lung nodule, 3.6 mL, mean -10 HU", FindingText.of("lung nodule", 3.55, -9.5, "HU"));
            assertEquals("cyst, 10 mL, mean 0 HU", FindingText.of("cyst", 9.96, -0.4, "HU"));
            assertEquals("spleen, 12,345,679 mL, mean -850", FindingText.of("spleen", 12_345_678.5, -849.5, ""));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void unnamedLabelsAreCalledByTheirValueAndGridsMustMatch() {
        List<FindingClaim> unnamed = FindingClaims.fromSegmentation(phantom.labels(), phantom.ct(), LabelDescriptions.empty(), "run-1");
        assertEquals("label 4", unnamed.get(3).labelName());
        CtPhantom.Result other = CtPhantom.generate(96, 72, 60, 4, 5, 0, 1);
        var e = assertThrows(GridMismatchException.class,
                () -> FindingClaims.fromSegmentation(phantom.labels(), other.ct(), LabelDescriptions.empty(), "run-1"));
        assertEquals(true, e.getMessage().startsWith("'phantom-labels.nii.gz' ("), e.getMessage());
    }

    @Test
    void aClaimAddedByHandCarriesItsTextAndOptionalEvidence() {
        ManualClaim plain = new ManualClaim("  small left pleural effusion ");
        assertEquals("small left pleural effusion", plain.text());
        assertEquals(Optional.empty(), plain.evidence());
        ManualClaim pointed = new ManualClaim("missed rib fracture", new ClaimEvidence.Point(new Vec3(12.5, -40, 88)));
        assertEquals(Optional.of(new ClaimEvidence.Point(new Vec3(12.5, -40, 88))), pointed.evidence());
        assertThrows(IllegalArgumentException.class, () -> new ManualClaim(" "));
    }
}
