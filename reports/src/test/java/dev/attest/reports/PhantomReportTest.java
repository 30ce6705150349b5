package dev.attest.reports;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.checks.CheckKind;
import dev.attest.reports.checks.CheckResult;
import dev.attest.reports.checks.ConsistencyChecks;
import dev.attest.reports.checks.Outcome;
import dev.attest.reports.findings.FindingKind;
import dev.attest.reports.findings.ReportGenerator;
import dev.attest.reports.findings.ReportSentence;
import dev.attest.reports.grounding.Grounding;
import dev.attest.reports.grounding.PhraseGrounder;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.attest.reports.checks.Outcome.FAIL;
import static dev.attest.reports.checks.Outcome.PASS;
import static dev.attest.reports.checks.Outcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The whole chain on the CT phantom's truth label map (2.5 mm voxels): the generated report against counts
 * and diameters taken here by brute force, every sentence grounded back from its text alone to its own
 * mask, and each deliberate alteration (side flipped, wrong organ, size doubled, negation added) flagged by
 * exactly the check that owns it.
 */
class PhantomReportTest {
    private static final double MM = 2.5;
    private static CtPhantom.Result phantom;
    private static AnatomyMap anatomy;
    private static List<ReportSentence> report;

    @BeforeAll
    static void generate() {
        phantom = CtPhantom.generate(140, 100, 100, MM, MM, 0, 1);
        ModelVocabulary vocabulary = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.DEMO), CtPhantom.labelDescriptions());
        anatomy = AnatomyMap.of(phantom.labels(), vocabulary);
        report = ReportGenerator.generate(anatomy, phantom.ct(), "HU");
    }

    /** Voxel indices per label, from a plain loop over the truth map. */
    private static TreeMap<Integer, List<int[]>> voxelsByLabel() {
        TreeMap<Integer, List<int[]>> out = new TreeMap<>();
        ImageGrid g = phantom.labels().grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    int label = (int) phantom.labels().getStored(x, y, z);
                    if (label != 0) {
                        out.computeIfAbsent(label, k -> new ArrayList<>()).add(new int[] {x, y, z});
                    }
                }
            }
        }
        return out;
    }

    /** Longest distance between two voxel centres of one axial slice, by trying every pair, plus one voxel. */
    private static double bruteForceAxialDiameter(List<int[]> voxels) {
        double best = 0;
        for (int[] a : voxels) {
            for (int[] b : voxels) {
                if (a[2] == b[2]) {
                    best = Math.max(best, MM * Math.hypot(a[0] - b[0], a[1] - b[1]));
                }
            }
        }
        return best + MM;
    }

    private static String ml(double ml) {
        return ml >= 10 ? String.format(Locale.ROOT, "%,.0f", ml) : String.format(Locale.ROOT, "%.1f", ml);
    }

    @Test
    void reportHasOneSentencePerOrganAndLesionWithBruteForceVolumesAndDiameters() {
        TreeMap<Integer, List<int[]>> truth = voxelsByLabel();
        double voxelMl = MM * MM * MM / 1000;
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(2, "Right lung volume " + ml(truth.get(2).size() * voxelMl) + " mL.");
        expected.put(3, "Left lung volume " + ml(truth.get(3).size() * voxelMl) + " mL.");
        expected.put(4, "Liver volume " + ml(truth.get(4).size() * voxelMl) + " mL.");
        expected.put(5, "Right kidney volume " + ml(truth.get(5).size() * voxelMl) + " mL.");
        expected.put(6, "Left kidney volume " + ml(truth.get(6).size() * voxelMl) + " mL.");
        expected.put(7, "Vertebral column volume " + ml(truth.get(7).size() * voxelMl) + " mL.");
        expected.put(8, "Aorta volume " + ml(truth.get(8).size() * voxelMl) + " mL.");
        // The liver is unpaired, so its lesion's side is told from the liver's centroid (x = -60.5 mm).
        expected.put(9, String.format(Locale.ROOT, "Liver lesion in the right part of the liver, %.1f cm.",
                bruteForceAxialDiameter(truth.get(9)) / 10));
        expected.put(10, String.format(Locale.ROOT, "Lung nodule in the left lung, %.1f cm.",
                bruteForceAxialDiameter(truth.get(10)) / 10));
        expected.put(11, String.format(Locale.ROOT, "Kidney cyst in the left kidney, %.1f cm.",
                bruteForceAxialDiameter(truth.get(11)) / 10));
        expected.put(12, "Spleen volume " + ml(truth.get(12).size() * voxelMl) + " mL.");
        expected.put(13, "Inferior vena cava volume " + ml(truth.get(13).size() * voxelMl) + " mL.");

        assertEquals(List.copyOf(expected.values()), report.stream().map(ReportSentence::text).toList());
        for (ReportSentence s : report) {
            int label = s.finding().label();
            assertEquals(truth.get(label).size(), s.finding().voxelCount(), s.text());
            assertEquals(truth.get(label).size(), s.mask().count(), s.text());
            assertEquals(truth.get(label).size() * voxelMl, s.finding().volumeMl(), 1e-9, s.text());
            // Noise-free phantom: every voxel of a structure holds the structure's HU.
            assertEquals(CtPhantom.STRUCTURES.get(label - 1).hu(), s.finding().meanValue(), 1e-9, s.text());
            if (s.finding().kind() == FindingKind.LESION) {
                assertEquals(bruteForceAxialDiameter(truth.get(label)), s.finding().longestAxialDiameterMm(), 1e-9);
                assertEquals(1, s.finding().component());
            }
        }
        // The phantom's lesions sit where CtPhantom put them, inside their organs.
        assertEquals(List.of(4, 3, 6), report.stream().filter(s -> s.finding().kind() == FindingKind.LESION)
                .map(s -> s.finding().locationLabel()).toList());
        Vec3 nodule = report.get(8).finding().centroidLps();
        assertEquals(0, nodule.distance(new Vec3(60, -20, 95)), 1e-9);
    }

    @Test
    void everySentenceGroundsFromItsTextAloneToItsOwnMask() {
        for (ReportSentence s : report) {
            Grounding g = PhraseGrounder.ground(s.text(), anatomy);
            Grounding.Grounded grounded = assertInstanceOf(Grounding.Grounded.class, g, s.text());
            assertEquals(List.of(s.finding().labelName()), grounded.labelNames(), s.text());
            assertEquals(s.mask(), grounded.region(), s.text());
            assertEquals(s.box(), grounded.box(), s.text());
        }
    }

    /** Organ words swapped for another organ that the evidence does not touch. */
    private static final Map<String, String> WRONG_ORGAN = Map.ofEntries(
            Map.entry("Right lung volume", "Right kidney volume"), Map.entry("Left lung volume", "Left kidney volume"),
            Map.entry("Liver volume", "Spleen volume"), Map.entry("Right kidney volume", "Right lung volume"),
            Map.entry("Left kidney volume", "Left lung volume"), Map.entry("Vertebral column volume", "Aorta volume"),
            Map.entry("Aorta volume", "Vertebral column volume"),
            Map.entry("in the right part of the liver", "in the right lung"),
            Map.entry("in the left lung", "in the left kidney"), Map.entry("in the left kidney", "in the left lung"),
            Map.entry("Spleen volume", "Liver volume"), Map.entry("Inferior vena cava volume", "Aorta volume"));

    @Test
    void eachAlterationFailsExactlyTheCheckThatOwnsIt() {
        for (ReportSentence s : report) {
            String text = s.text();
            boolean sided = text.matches(".*\\b(left|right)\\b.*") || text.matches("^(Left|Right) .*");
            List<Outcome> original = List.of(PASS, sided ? PASS : UNKNOWN, PASS, PASS);
            assertEquals(original, outcomes(text, s), text);

            if (sided) {
                assertEquals(with(original, CheckKind.LATERALITY, FAIL), outcomes(flipSide(text), s), flipSide(text));
            }
            String wrongOrgan = wrongOrgan(text);
            assertEquals(with(original, CheckKind.LOCATION, FAIL), outcomes(wrongOrgan, s), wrongOrgan);
            String doubled = doubleSize(text);
            assertEquals(with(original, CheckKind.SIZE, FAIL), outcomes(doubled, s), doubled);
            String negated = "No " + Character.toLowerCase(text.charAt(0)) + text.substring(1);
            assertEquals(with(original, CheckKind.EXISTENCE, FAIL), outcomes(negated, s), negated);
        }
    }

    @Test
    void checkNumbersAreTheFractionsAndRatiosOfTheEvidence() {
        ReportSentence kidney = report.get(4);
        List<CheckResult> flipped = ConsistencyChecks.run("Right kidney volume 101 mL.", kidney.asEvidence(), anatomy);
        double voxels = kidney.finding().voxelCount();
        assertEquals(new CheckResult(CheckKind.EXISTENCE, PASS, voxels, "evidence voxels",
                "the claim asserts a finding and the evidence shows something"), flipped.get(0));
        assertEquals(0.0, flipped.get(1).value());
        assertEquals("0% of the evidence mass lies on the patient's right of x = 0.0 mm (body midline (centroid of "
                + "vertebral column))", flipped.get(1).reason());
        assertEquals(1.0, flipped.get(2).value());
        assertEquals(voxels * MM * MM * MM / 1000 / 101, flipped.get(3).value(), 1e-12);

        List<CheckResult> wrong = ConsistencyChecks.run("Left lung volume 101 mL.", kidney.asEvidence(), anatomy);
        assertEquals(new CheckResult(CheckKind.LOCATION, FAIL, 0.0, "fraction of evidence mass inside the claimed structure",
                "Most of the evidence lies in left kidney (label 6); 0% of the evidence mass is inside the claimed lung"),
                wrong.get(2));
    }

    private static List<Outcome> outcomes(String text, ReportSentence s) {
        List<CheckResult> results = ConsistencyChecks.run(text, s.asEvidence(), anatomy);
        assertEquals(List.of(CheckKind.values()), results.stream().map(CheckResult::check).toList());
        return results.stream().map(CheckResult::outcome).toList();
    }

    private static List<Outcome> with(List<Outcome> outcomes, CheckKind kind, Outcome outcome) {
        List<Outcome> out = new ArrayList<>(outcomes);
        out.set(kind.ordinal(), outcome);
        return out;
    }

    private static String flipSide(String text) {
        return text.replace("left", "\0").replace("right", "left").replace("\0", "right")
                .replace("Left", "\0").replace("Right", "Left").replace("\0", "Right");
    }

    private static String wrongOrgan(String text) {
        for (Map.Entry<String, String> e : WRONG_ORGAN.entrySet()) {
            if (text.contains(e.getKey())) {
                return text.replace(e.getKey(), e.getValue());
            }
        }
        throw new AssertionError("no wrong organ for " + text);
    }

    private static String doubleSize(String text) {
        Matcher m = Pattern.compile("([\\d,]+(?:\\.\\d+)?) (mL|cm)\\.$").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no size in " + text);
        }
        double doubled = 2 * Double.parseDouble(m.group(1).replace(",", ""));
        String number = m.group(1).contains(".") ? String.format(Locale.ROOT, "%.1f", doubled)
                : String.format(Locale.ROOT, "%,.0f", doubled);
        return text.substring(0, m.start()) + number + " " + m.group(2) + ".";
    }
}
