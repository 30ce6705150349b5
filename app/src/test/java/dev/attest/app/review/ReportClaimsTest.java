package dev.attest.app.review;

import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import com.sun.net.httpserver.HttpServer;
import dev.attest.reports.llm.DisplayWindow;
import dev.attest.reports.llm.ReportDraft;
import dev.attest.reports.llm.ReportServerConfig;
import dev.attest.reports.llm.ReportSentence;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.grounding.Grounding;
import dev.attest.reports.grounding.PhraseGrounder;
import dev.attest.reports.grounding.UngroundedReason;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.open.LabelMapLoader;
import dev.attest.app.open.ModelOverlays;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.RunOptions;
import dev.attest.inference.run.SegmentationRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Report sentences and phrases as project claims, on the CT phantom segmented by the built-in demo model (the
 * issue's done-when): every generated sentence grounds to its own structure with checks equal to counts taken
 * here over the model's label map, each deliberate alteration fails exactly its check, typed phrases and a
 * report server's sentences are stored with their regions and checked. The tests share one project and run
 * in order: the later ones add claims the first must not see.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportClaimsTest {
    @TempDir
    static Path dir;
    static ProjectStore store;
    static CaseAnatomy run;
    static CtPhantom.Result phantom;
    static Volume labels;

    @BeforeAll
    static void runTheBuiltInModel() throws Exception {
        phantom = CtPhantom.generate(64, 64, 40, 5, 5, 0, 1);
        ModelRegistry models = ModelRegistry.standard(dir.resolve("models"), dir.resolve("cache"));
        ModelManifest manifest = models.entry("demo-ct-seg").manifest();
        PatchPredictor predictor = models.open("demo-ct-seg", DeviceChoice.CPU);
        InferenceResult result = SegmentationRun.run(manifest, predictor, phantom.ct(), RunOptions.defaults(),
                (d, t, w) -> { }, new Cancellation());
        LabelMapLoader.LabelMap names = ModelOverlays.labels(manifest, result);
        labels = result.labels();
        store = Projects.create(dir.resolve("project"));
        CaseImport.ImportedCase imported = CaseImport.add(store, new CaseDraft("1.2.3", "A", "phantom", "CT"), phantom.ct(),
                result.labels(), names.descriptions(), ProvenanceFacts.of(result.provenance()), "HU");
        run = CaseAnatomy.of(imported, phantom.ct(), result.labels(), names.descriptions(), "HU");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** One stored check as the tests compare it. */
    record Check(String kind, CheckOutcome outcome, Double value) {
    }

    static List<Check> checks(List<ClaimCheck> stored) {
        return stored.stream().map(c -> new Check(c.kind(), c.outcome(), c.value())).toList();
    }

    /** Linear indices of a label's voxels in the model's label map, by a plain loop. */
    static List<Integer> voxels(int label) {
        List<Integer> out = new ArrayList<>();
        ImageGrid g = labels.grid();
        int i = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++, i++) {
                    if ((int) labels.getStored(x, y, z) == label) {
                        out.add(i);
                    }
                }
            }
        }
        return out;
    }

    static double x(int index) {
        ImageGrid g = labels.grid();
        int x = index % g.sizeX();
        int y = (index / g.sizeX()) % g.sizeY();
        return g.indexToLps().apply(new Vec3(x, y, index / (g.sizeX() * g.sizeY()))).x();
    }

    static double meanX(List<Integer> indices) {
        return indices.stream().mapToDouble(ReportClaimsTest::x).average().orElseThrow();
    }

    /** Fraction of the voxels on the patient's left (+x) or right of x = ref; a voxel on it counts half. */
    static double fractionOnSide(List<Integer> indices, double ref, boolean left) {
        double n = 0;
        for (int i : indices) {
            double x = x(i);
            n += x == ref ? 0.5 : (x > ref) == left ? 1 : 0;
        }
        return n / indices.size();
    }

    static CheckOutcome byThirds(double fraction) {
        return fraction >= 2.0 / 3 ? CheckOutcome.PASS : fraction <= 1.0 / 3 ? CheckOutcome.FAIL : CheckOutcome.UNKNOWN;
    }

    static final Pattern ORGAN = Pattern.compile("^(Right |Left )?(.+) volume ([0-9,.]+) mL\\.$");
    static final Pattern LESION = Pattern.compile("^(.+) in the (right|left) (part of the (.+)|lung|kidney), ([0-9.]+) cm\\.$");

    /**
     * The model's report on the phantom: each sentence grounds from its text alone to the structure of its own
     * finding, and its stored checks are the numbers counted here over the model's label map.
     */
    @Test
    @Order(1)
    void everyGeneratedSentenceGroundsToItsStructureAndItsChecksAreTheCountedNumbers() {
        List<ReportClaims.StoredClaim> report = ReportClaims.generate(store, run);
        // Every label the model found is an organ sentence or one sentence per lesion component (9-11), except
        // the body outline (1), which gets none.
        long expected = run.anatomy().presentLabels().stream().filter(l -> l != 1).mapToLong(l -> l >= 9 && l <= 11
                ? run.anatomy().components(l).size() : 1).sum();
        assertEquals(expected, report.size());
        assertEquals(report.stream().map(s -> s.claim().id()).toList(),
                ReportClaims.generate(store, run).stream().map(s -> s.claim().id()).toList(), "asking again stores nothing new");
        double midline = meanX(voxels(7)); // the vocabulary's midline: the vertebral column's centroid
        double voxelMl = labels.grid().spacing().x() * labels.grid().spacing().y() * labels.grid().spacing().z() / 1000;
        int lesions = 0;
        for (ReportClaims.StoredClaim s : report) {
            Claim c = s.claim();
            assertEquals(ClaimKind.SENTENCE, c.kind());
            assertEquals(List.of(EvidenceKind.MASK), s.evidence().stream().map(Evidence::kind).toList());
            assertEquals(run.labelMap(), s.evidence().get(0).artifact(), "a sentence points at the run's label map");
            VoxelMask own = ((dev.attest.reports.evidence.Evidence.Mask) ReportClaims.checkEvidence(store, run, s.evidence())).mask();
            Grounding.Grounded g = assertInstanceOf(Grounding.Grounded.class, PhraseGrounder.ground(c.text(), run.anatomy()), c.text());
            assertEquals(List.of(c.labelValue()), g.labels(), c.text());
            List<Integer> mine = new ArrayList<>();
            own.stream().forEach(mine::add);
            Matcher organ = ORGAN.matcher(c.text());
            List<Check> expectedChecks = new ArrayList<>();
            expectedChecks.add(new Check("existence", CheckOutcome.PASS, (double) mine.size()));
            if (organ.matches()) {
                assertEquals(voxels(c.labelValue()), mine, "an organ sentence shows its whole label");
                assertEquals(own, g.region(), c.text());
                if (organ.group(1) == null) {
                    expectedChecks.add(new Check("laterality", CheckOutcome.UNKNOWN, null));
                } else {
                    double f = fractionOnSide(mine, midline, organ.group(1).equals("Left "));
                    expectedChecks.add(new Check("laterality", byThirds(f), f));
                }
                expectedChecks.add(new Check("location", CheckOutcome.PASS, 1.0));
                double stated = Double.parseDouble(organ.group(3).replace(",", ""));
                expectedChecks.add(new Check("size", CheckOutcome.PASS, mine.size() * voxelMl / stated));
            } else {
                Matcher lesion = LESION.matcher(c.text());
                assertTrue(lesion.matches(), c.text());
                lesions++;
                // Two components of one label on one side of one organ read alike: the sentence grounds to both.
                assertTrue(g.region().intersection(own).equals(own), c.text());
                double ref = lesion.group(4) != null ? meanX(voxels(labelNamed(lesion.group(4)))) : midline;
                double f = fractionOnSide(mine, ref, lesion.group(2).equals("left"));
                expectedChecks.add(new Check("laterality", byThirds(f), f));
                expectedChecks.add(new Check("location", CheckOutcome.PASS, 1.0));
                double stated = Double.parseDouble(lesion.group(5));
                expectedChecks.add(new Check("size", CheckOutcome.PASS, c.numericValue() / stated));
            }
            assertChecks(expectedChecks, checks(s.checks()), c.text());
        }
        assertTrue(lesions > 0, "the model finds lesion components on the phantom");
    }

    private static int labelNamed(String display) {
        return switch (display) {
            case "liver" -> 4;
            case "inferior vena cava" -> 13;
            case "spleen" -> 12;
            case "aorta" -> 8;
            default -> throw new AssertionError("no phantom organ displayed as " + display);
        };
    }

    /** Organ words swapped for another phantom organ that the evidence does not touch. */
    static final Map<String, String> WRONG_ORGAN = Map.of("Right lung", "Right kidney", "Left lung", "Left kidney",
            "Liver", "Spleen", "Right kidney", "Right lung", "Left kidney", "Left lung", "Vertebral column", "Aorta",
            "Aorta", "Vertebral column", "Spleen", "Liver", "Inferior vena cava", "Aorta");

    /**
     * A reviewer's edit is kept as a new version and checked against the claim's unchanged evidence: side
     * flipped, wrong organ, size doubled and negation added each change exactly the check that owns it, to
     * the number counted here.
     */
    @Test
    @Order(2)
    void eachAlteredSentenceIsFlaggedByTheMatchingCheckOnly() {
        long editor = store.addReviewer("editor").id();
        double voxelMl = labels.grid().spacing().x() * labels.grid().spacing().y() * labels.grid().spacing().z() / 1000;
        int flagged = 0;
        int sizeFlags = 0;
        for (ReportClaims.StoredClaim s : ReportClaims.generate(store, run)) {
            Claim c = s.claim();
            List<Check> original = checks(s.checks());
            String text = c.text();
            Matcher organ = ORGAN.matcher(text);
            boolean sided = original.get(1).value() != null;
            if (sided) {
                String flipped = text.contains("right") || text.startsWith("Right")
                        ? text.replace("Right ", "Left ").replace(" right ", " left ")
                        : text.replace("Left ", "Right ").replace(" left ", " right ");
                double f = 1 - original.get(1).value();
                assertChecks(with(original, 1, new Check("laterality", byThirds(f), f)), revise(c, editor, flipped), flipped);
                flagged += byThirds(f) == CheckOutcome.FAIL ? 1 : 0;
            }
            if (organ.matches()) {
                String name = (organ.group(1) == null ? "" : organ.group(1)) + organ.group(2);
                String wrong = text.replace(name, WRONG_ORGAN.get(name));
                assertChecks(with(original, 2, new Check("location", CheckOutcome.FAIL, 0.0)), revise(c, editor, wrong), wrong);
                double stated = Double.parseDouble(organ.group(3).replace(",", ""));
                String doubled = text.replace(organ.group(3), String.format(Locale.ROOT, "%,.0f", 2 * stated));
                assertChecks(with(original, 3, new Check("size", CheckOutcome.FAIL, original.get(0).value() * voxelMl / (2 * stated))),
                        revise(c, editor, doubled), doubled);
            } else {
                Matcher lesion = LESION.matcher(text);
                assertTrue(lesion.matches(), text);
                double stated = Double.parseDouble(lesion.group(5));
                String doubled = text.replace(lesion.group(5) + " cm", String.format(Locale.ROOT, "%.1f cm", 2 * stated));
                // Within max(20 % of the measured size, one voxel) a size passes: a one-voxel lesion said to be
                // twice its size (1.0 cm for 5 mm) is still within one 5 mm voxel.
                double measuredMm = c.numericValue() * 10;
                double statedMm = 2 * stated * 10;
                CheckOutcome want = Math.abs(statedMm - measuredMm) <= Math.max(0.2 * measuredMm, labels.grid().spacing().x())
                        ? CheckOutcome.PASS : CheckOutcome.FAIL;
                assertChecks(with(original, 3, new Check("size", want, c.numericValue() / (2 * stated))),
                        revise(c, editor, doubled), doubled);
                sizeFlags += want == CheckOutcome.FAIL ? 1 : 0;
            }
            String negated = "No " + Character.toLowerCase(text.charAt(0)) + text.substring(1);
            assertChecks(with(original, 0, new Check("existence", CheckOutcome.FAIL, original.get(0).value())),
                    revise(c, editor, negated), negated);
            // Back to the model's words: the checks are the original ones again, and every edit is a version.
            assertChecks(original, revise(c, editor, text), text);
            List<ClaimRevision> versions = store.revisions(c.id());
            assertEquals(text, versions.get(versions.size() - 1).text());
            assertEquals(versions.size() + 1, versions.get(versions.size() - 1).version());
            assertEquals(text, ReportClaims.currentText(store, c));
        }
        assertTrue(flagged >= 4, "the sided sentences flipped fail laterality, got " + flagged);
        assertTrue(sizeFlags >= 2, "the lesions larger than a voxel said to be twice their size fail, got " + sizeFlags);
    }

    private static List<Check> revise(Claim c, long editor, String text) {
        ReportClaims.Revised r = ReportClaims.revise(store, run, c.id(), editor, text);
        assertEquals(text, r.revision().text());
        return checks(r.checks());
    }

    static double z(int index) {
        ImageGrid g = labels.grid();
        int x = index % g.sizeX();
        int y = (index / g.sizeX()) % g.sizeY();
        return g.indexToLps().apply(new Vec3(x, y, index / (g.sizeX() * g.sizeY()))).z();
    }

    /**
     * A typed phrase becomes a phrase claim with its region as mask and box: a sided organ points at the run's
     * label map, a part of an organ is written as its own mask, which never passes for the case's label map.
     */
    @Test
    @Order(3)
    void aTypedPhraseIsStoredWithItsRegionAsMaskAndBox() throws Exception {
        var kidney = assertInstanceOf(ReportClaims.PhraseResult.Stored.class, ReportClaims.ground(store, run, " left kidney "));
        Claim k = kidney.claim().claim();
        assertEquals(ClaimKind.PHRASE, k.kind());
        assertEquals("left kidney", k.text());
        assertEquals(6, k.labelValue());
        assertEquals(List.of(EvidenceKind.MASK, EvidenceKind.BOX), kidney.claim().evidence().stream().map(Evidence::kind).toList());
        assertEquals(run.labelMap(), kidney.claim().evidence().get(0).artifact());
        List<Integer> left = voxels(6);
        assertEquals(left.size(), kidney.grounding().region().count());
        var box = EvidenceJson.readBox(kidney.claim().evidence().get(1).geometryJson());
        assertEquals(0, box.min().distance(kidney.grounding().box().min()), 1e-3);
        assertEquals(0, box.max().distance(kidney.grounding().box().max()), 1e-3);
        assertChecks(List.of(new Check("existence", CheckOutcome.PASS, (double) left.size()),
                new Check("laterality", CheckOutcome.PASS, fractionOnSide(left, meanX(voxels(7)), true)),
                new Check("location", CheckOutcome.PASS, 1.0), new Check("size", CheckOutcome.UNKNOWN, null)),
                checks(kidney.claim().checks()), "left kidney");

        var upper = assertInstanceOf(ReportClaims.PhraseResult.Stored.class, ReportClaims.ground(store, run, "upper part of the liver"));
        List<Integer> liver = voxels(4);
        double cz = liver.stream().mapToDouble(ReportClaimsTest::z).average().orElseThrow();
        long above = liver.stream().filter(i -> z(i) >= cz).count();
        assertEquals(above, upper.grounding().region().count(), "superior: the liver's voxels at or above its centroid");
        Evidence mask = upper.claim().evidence().get(0);
        assertNotEquals(run.labelMap(), mask.artifact(), "a part of an organ is its own mask");
        Volume written = NiftiReader.read(store.resolveArtifact(mask.artifact())).volume();
        long ones = 0;
        for (int z = 0; z < written.grid().sizeZ(); z++) {
            for (int y = 0; y < written.grid().sizeY(); y++) {
                for (int x = 0; x < written.grid().sizeX(); x++) {
                    ones += written.getStored(x, y, z) == 1 ? 1 : 0;
                }
            }
        }
        assertEquals(above, ones);
        var reread = ((dev.attest.reports.evidence.Evidence.Mask) ReportClaims.checkEvidence(store, run, upper.claim().evidence())).mask();
        assertEquals(upper.grounding().region(), reread);
        assertEquals(store.resolveArtifact(run.labelMap()), CaseReopen.labelMap(store, run.caseId()).orElseThrow(),
                "reopening the case finds the label map, not the newer region mask");

        var none = assertInstanceOf(ReportClaims.PhraseResult.NotGrounded.class, ReportClaims.ground(store, run, "pleural effusion"));
        assertEquals(UngroundedReason.NO_STRUCTURE, none.grounding().reason(), "the demo vocabulary has no pleura");
    }

    /**
     * A report server's reply is stored as sentence claims on a run of its own, each shown with the region the
     * segmentation holds for the organ it names, and checked against it.
     */
    @Test
    @Order(4)
    void aServerReportIsCheckedAgainstTheStructuresItNames() {
        List<String> texts = List.of("Left kidney volume 95 mL.", "The right kidney measures 190 mL.", "No focal liver lesion.",
                "Kidney cyst in the left kidney.", "The examination is of diagnostic quality.");
        List<ReportSentence> sentences = new ArrayList<>();
        for (String t : texts) {
            sentences.add(new ReportSentence(sentences.size(), t, null, 0, t.length()));
        }
        ReportDraft draft = new ReportDraft(String.join(" ", texts), sentences, "llava-test", "stop");
        RunFacts server = new RunFacts("llava-test", null, null, "{\"server\":\"http://127.0.0.1:8080/v1\"}",
                "openai-compatible", "server", Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:00:09Z"));
        List<ReportClaims.StoredClaim> stored = ReportClaims.addReport(store, run, draft, server);
        assertEquals(texts, stored.stream().map(s -> s.claim().text()).toList());
        long runId = stored.get(0).claim().runId();
        assertNotEquals(run.runId(), runId);
        assertEquals("llava-test", store.modelRun(runId).orElseThrow().modelId());
        double voxelMl = labels.grid().spacing().x() * labels.grid().spacing().y() * labels.grid().spacing().z() / 1000;
        List<Integer> left = voxels(6);
        assertEquals(run.labelMap(), stored.get(0).evidence().get(0).artifact(), "the left kidney is a label of the label map");
        assertChecks(List.of(new Check("existence", CheckOutcome.PASS, (double) left.size()),
                new Check("laterality", CheckOutcome.PASS, fractionOnSide(left, meanX(voxels(7)), true)),
                new Check("location", CheckOutcome.PASS, 1.0), new Check("size", CheckOutcome.PASS, left.size() * voxelMl / 95)),
                checks(stored.get(0).checks()), texts.get(0));
        List<Integer> right = voxels(5);
        assertEquals(new Check("size", CheckOutcome.FAIL, right.size() * voxelMl / 190), checks(stored.get(1).checks()).get(3));
        // Denying a lesion the model segments: every liver-lesion component is the evidence, and existence fails.
        assertEquals(new Check("existence", CheckOutcome.FAIL, (double) voxels(9).size()), checks(stored.get(2).checks()).get(0));
        // A cyst the model did not find: nothing shown, so a positive sentence fails existence.
        assertEquals(List.of(), stored.get(3).evidence());
        assertChecks(List.of(new Check("existence", CheckOutcome.FAIL, 0.0), new Check("laterality", CheckOutcome.UNKNOWN, null),
                new Check("location", CheckOutcome.UNKNOWN, null), new Check("size", CheckOutcome.UNKNOWN, null)),
                checks(stored.get(3).checks()), texts.get(3));
        // A sentence about no structure the model knows is not checked at all.
        assertEquals(List.of(CheckOutcome.UNKNOWN, CheckOutcome.UNKNOWN, CheckOutcome.UNKNOWN, CheckOutcome.UNKNOWN),
                stored.get(4).checks().stream().map(ClaimCheck::outcome).toList());
        assertTrue(stored.get(4).checks().get(0).detail().startsWith("nothing to check against: no term of vocabulary"));
    }

    /**
     * The whole server path on a real loopback HTTP server speaking the OpenAI streaming protocol: key images
     * through the largest structures go out with the prompt, the streamed reply comes back as sentences, and
     * they are stored and checked.
     */
    @Test
    @Order(5)
    void aStreamedServerReplyBecomesCheckedSentenceClaims() throws Exception {
        List<String> bodies = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                for (String piece : List.of("Spleen volume 128", " mL. Left kidney", " volume 300 mL.")) {
                    out.write(("data: {\"model\":\"fake-vlm\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                            + piece + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try {
            StringBuilder streamed = new StringBuilder();
            ServerReport.Result r = ServerReport.request(run, labels, CtPhantom.labelDescriptions(), DisplayWindow.CT_SOFT_TISSUE,
                    ReportServerConfig.of("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "fake-vlm"),
                    "CT abdomen", streamed::append, new Cancellation());
            assertEquals("Spleen volume 128 mL. Left kidney volume 300 mL.", streamed.toString());
            assertEquals(List.of("Spleen volume 128 mL.", "Left kidney volume 300 mL."),
                    r.draft().sentences().stream().map(ReportSentence::text).toList());
            assertEquals(ServerReport.MAX_KEY_IMAGES, r.images().size());
            assertEquals(1, bodies.size());
            assertEquals(ServerReport.MAX_KEY_IMAGES, bodies.get(0).split("data:image/png;base64,", -1).length - 1,
                    "every key image goes out with the prompt");
            assertEquals("openai-compatible", r.run().engine());
            assertTrue(r.run().parametersJson().contains("\"keySlices\":["), r.run().parametersJson());

            List<ReportClaims.StoredClaim> stored = ReportClaims.addReport(store, run, r.draft(), r.run());
            assertEquals(CheckOutcome.PASS, stored.get(0).checks().get(3).outcome(), "128 mL is the spleen's volume");
            assertEquals(CheckOutcome.FAIL, stored.get(1).checks().get(3).outcome(), "300 mL is not the left kidney's");
            assertEquals("fake-vlm", store.modelRun(stored.get(0).claim().runId()).orElseThrow().modelId());
        } finally {
            server.stop(0);
        }
    }

    /** Kinds and outcomes equal, values to 1e-12 (a fraction and one minus the other side's differ in the last bits). */
    static void assertChecks(List<Check> want, List<Check> got, String what) {
        assertEquals(want.stream().map(Check::kind).toList(), got.stream().map(Check::kind).toList(), what);
        for (int k = 0; k < got.size(); k++) {
            assertEquals(want.get(k).outcome(), got.get(k).outcome(), what + " " + want.get(k).kind());
            if (want.get(k).value() == null) {
                assertNull(got.get(k).value(), what + " " + want.get(k).kind());
            } else {
                assertEquals(want.get(k).value(), got.get(k).value(), 1e-12, what + " " + want.get(k).kind());
            }
        }
    }

    private static List<Check> with(List<Check> checks, int index, Check replacement) {
        List<Check> out = new ArrayList<>(checks);
        out.set(index, replacement);
        return out;
    }
}
