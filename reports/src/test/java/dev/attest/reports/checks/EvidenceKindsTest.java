package dev.attest.reports.checks;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.evidence.Evidence;
import dev.attest.reports.evidence.PatientBox;
import dev.attest.reports.findings.ReportGenerator;
import dev.attest.reports.findings.ReportSentence;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.attest.reports.checks.Outcome.FAIL;
import static dev.attest.reports.checks.Outcome.PASS;
import static dev.attest.reports.checks.Outcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checks on heat maps (on a coarser grid than the labels) and boxes, on the CT phantom. */
class EvidenceKindsTest {
    private static final Vec3 NODULE = new Vec3(60, -20, 95);
    private static CtPhantom.Result phantom;
    private static AnatomyMap anatomy;
    private static List<ReportSentence> report;

    @BeforeAll
    static void setUp() {
        phantom = CtPhantom.generate(140, 100, 100, 2.5, 2.5, 0, 1);
        anatomy = AnatomyMap.of(phantom.labels(), ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.DEMO),
                CtPhantom.labelDescriptions()));
        report = ReportGenerator.generate(anatomy, null, "");
    }

    /** A 5 mm heat map over the same field: a Gaussian (sigma 4 mm) cut at 12 mm around centre, else background. */
    private static Volume heat(Vec3 centre, double background) {
        ImageGrid grid = new ImageGrid(71, 51, 51, Affine.fromColumns(new Vec3(5, 0, 0), new Vec3(0, 5, 0),
                new Vec3(0, 0, 5), new Vec3(-175, -125, -125)));
        Volume v = Volume.allocate(grid, VoxelType.FLOAT32);
        for (int z = 0; z < 51; z++) {
            for (int y = 0; y < 51; y++) {
                for (int x = 0; x < 71; x++) {
                    double r = grid.indexToLps().apply(x, y, z).distance(centre);
                    v.setStored(x, y, z, r <= 12 ? Math.exp(-r * r / 32) : background);
                }
            }
        }
        return v;
    }

    private static List<Outcome> outcomes(List<CheckResult> results) {
        return results.stream().map(CheckResult::outcome).toList();
    }

    @Test
    void aHeatMapIsPlacedByItsMassAndPeak() {
        Evidence map = new Evidence.HeatMap(heat(NODULE, 0));
        List<CheckResult> right = ConsistencyChecks.run("Lung nodule in the left lung, 1.3 cm.", map, anatomy);
        assertEquals(List.of(PASS, PASS, PASS, UNKNOWN), outcomes(right));
        assertEquals(1.0, right.get(1).value());
        assertEquals(1.0, right.get(2).value());
        assertEquals("The heat map's maximum lies in left lung (label 3); 100% of the evidence mass is inside the "
                + "claimed lung", right.get(2).reason());
        assertEquals("a heat map has no extent to measure", right.get(3).reason());

        List<CheckResult> flipped = ConsistencyChecks.run("Lung nodule in the right lung.", map, anatomy);
        assertEquals(List.of(PASS, FAIL, PASS, UNKNOWN), outcomes(flipped));
        assertEquals(0.0, flipped.get(1).value());
        List<CheckResult> elsewhere = ConsistencyChecks.run("Nodule in the left kidney.", map, anatomy);
        assertEquals(List.of(PASS, PASS, FAIL, UNKNOWN), outcomes(elsewhere));
        assertEquals(0.0, elsewhere.get(2).value());
    }

    @Test
    void anEmptyHeatMapSupportsOnlyANegatedClaim() {
        Volume zeros = Volume.allocate(heat(NODULE, 0).grid(), VoxelType.FLOAT32);
        List<CheckResult> negated = ConsistencyChecks.run("No lung nodule in the left lung.", new Evidence.HeatMap(zeros), anatomy);
        assertEquals(new CheckResult(CheckKind.EXISTENCE, PASS, 0.0, "sum of the heat map's positive values",
                "the claim denies the finding (\"no\") and the evidence shows nothing"), negated.get(0));
        assertEquals(List.of(PASS, UNKNOWN, UNKNOWN, UNKNOWN), outcomes(negated));
        assertEquals(List.of(FAIL, UNKNOWN, UNKNOWN, UNKNOWN),
                outcomes(ConsistencyChecks.run("Lung nodule in the left lung.", new Evidence.HeatMap(zeros), anatomy)));
        assertEquals(FAIL, ConsistencyChecks.run("No lung nodule.", new Evidence.HeatMap(heat(NODULE, 0)), anatomy)
                .get(0).outcome());
    }

    @Test
    void aFlatHeatMapBelowItsThresholdShowsNothingAndStraddlesTheMidline() {
        Volume flat = heat(new Vec3(1e6, 0, 0), 0.2);
        List<CheckResult> r = ConsistencyChecks.run("Lung nodule in the left lung.", new Evidence.HeatMap(flat, 0.5), anatomy);
        assertEquals(List.of(FAIL, UNKNOWN, FAIL, UNKNOWN), outcomes(r));
        // The grid is symmetric about x = 0, the vertebral column's centroid: exactly half lies on each side.
        assertEquals(0.5, r.get(1).value(), 1e-9);
    }

    @Test
    void aBoxStandsForTheLabelVoxelsInsideIt() {
        ReportSentence cyst = report.stream().filter(s -> s.finding().labelName().equals("kidney cyst")).findFirst().orElseThrow();
        PatientBox box = cyst.box();
        // Brute force: label-map voxels with their centre in the box, and those of the left kidney or its cyst.
        ImageGrid g = phantom.labels().grid();
        int inside = 0;
        int inKidney = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (box.contains(g.indexToLps().apply(x, y, z))) {
                        inside++;
                        int label = (int) phantom.labels().getStored(x, y, z);
                        inKidney += label == 6 || label == 11 ? 1 : 0;
                    }
                }
            }
        }
        List<CheckResult> r = ConsistencyChecks.run(cyst.text(), new Evidence.Box(box), anatomy);
        assertEquals(List.of(PASS, PASS, PASS, PASS), outcomes(r));
        assertEquals(inside, r.get(0).value());
        assertEquals((double) inKidney / inside, r.get(2).value(), 1e-12);
        assertEquals(box.longestAxialSideMm() / 20, r.get(3).value(), 1e-12);
        assertEquals(SIZE_BOX_REASON, r.get(3).reason());
        assertEquals("a box has no volume to compare with \"2.9 mL\"",
                ConsistencyChecks.run("Kidney cyst volume 2.9 mL.", new Evidence.Box(box), anatomy).get(3).reason());
    }

    private static final String SIZE_BOX_REASON = "\"2.0 cm\" against a longer axial side of the box of 20.0 mm: "
            + "off by 0.0 mm, tolerance 4.0 mm";
}
