package dev.attest.app.review;

import dev.attest.annotation.claims.FindingClaim;
import dev.attest.annotation.claims.FindingClaims;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseImportTest {
    @TempDir
    Path dir;

    static final RunFacts RUN = new RunFacts("demo-ct-seg", "1.0", null, "{\"overlap\":0.5}", "PyTorch 2.7.1", "cpu",
            Instant.parse("2026-02-03T04:05:06Z"), Instant.parse("2026-02-03T04:05:08Z"));

    static CtPhantom.Result phantom() {
        return CtPhantom.generate(40, 40, 16, 8.0, 10.0, 0, 7);
    }

    @Test
    void addsTheCaseItsRunOneClaimPerLabelAndTheLabelMapAsMaskEvidence() throws Exception {
        CtPhantom.Result p = phantom();
        List<FindingClaim> expected = FindingClaims.fromSegmentation(p.labels(), p.ct(), CtPhantom.labelDescriptions(), "demo-ct-seg");
        try (ProjectStore store = Projects.create(dir.resolve("p"))) {
            CaseImport.ImportedCase first = CaseImport.add(store, new CaseDraft("1.2.3.4", "A", "phantom", "CT"), p.ct(), p.labels(),
                    CtPhantom.labelDescriptions(), RUN, "HU");
            assertEquals("1.2.3.4", first.reviewCase().studyRef());
            assertEquals("demo-ct-seg", first.run().modelId());
            assertEquals(Instant.parse("2026-02-03T04:05:08Z"), first.run().ended());
            List<Claim> claims = store.claims(first.reviewCase().id());
            assertEquals(expected.stream().map(FindingClaim::text).toList(), claims.stream().map(Claim::text).toList());
            for (int i = 0; i < claims.size(); i++) {
                Claim c = claims.get(i);
                FindingClaim f = expected.get(i);
                assertEquals(ClaimKind.FINDING, c.kind());
                assertEquals(f.labelValue(), c.labelValue());
                assertEquals(f.volumeMl(), c.numericValue(), 0);
                assertEquals("mL", c.unit());
                assertEquals(first.run().id(), c.runId());
                List<Evidence> ev = store.evidence(c.id());
                assertEquals(1, ev.size());
                assertEquals(EvidenceKind.MASK, ev.get(0).kind());
                assertEquals(first.labelMap(), ev.get(0).artifact());
                CaseImport.MaskTarget t = CaseImport.target(ev.get(0)).orElseThrow();
                assertEquals(f.labelValue(), t.labelValue());
                assertEquals(f.centroidLps(), t.centroidLps());
            }
            // Each finding is checked against its own mask: what it names is what the mask shows.
            var sp = p.labels().grid().spacing();
            double voxelMl = sp.x() * sp.y() * sp.z() / 1000;
            for (int i = 0; i < claims.size(); i++) {
                Claim c = claims.get(i);
                FindingClaim f = expected.get(i);
                var checks = store.checks(c.id());
                assertEquals(List.of("existence", "laterality", "location", "size"), checks.stream().map(k -> k.kind()).toList());
                assertEquals(CheckOutcome.PASS, checks.get(0).outcome(), c.text());
                assertEquals(f.volumeMl() / voxelMl, checks.get(0).value(), 1e-6, "existence counts the mask's voxels");
                boolean sided = c.text().startsWith("right ") || c.text().startsWith("left ");
                assertEquals(sided ? CheckOutcome.PASS : CheckOutcome.UNKNOWN, checks.get(1).outcome(), c.text());
                assertEquals(sided ? Double.valueOf(1.0) : null, checks.get(1).value(), c.text());
                assertEquals(CheckOutcome.PASS, checks.get(2).outcome(), c.text());
                assertEquals(1.0, checks.get(2).value(), 0, "all of the mask lies in the structure named");
                assertEquals(CheckOutcome.PASS, checks.get(3).outcome(), c.text());
                assertEquals(f.volumeMl() / Math.round(f.volumeMl()), checks.get(3).value(), 1e-9,
                        "size: the mask's volume over the claimed (rounded) mL");
            }
            assertEquals(4 * claims.size(), first.checks().size());
            Volume back = NiftiReader.read(store.resolveArtifact(first.labelMap())).volume();
            var g = p.labels().grid();
            for (int z = 0; z < g.sizeZ(); z++) {
                for (int y = 0; y < g.sizeY(); y++) {
                    for (int x = 0; x < g.sizeX(); x++) {
                        assertEquals(p.labels().getPhysical(x, y, z), back.getPhysical(x, y, z), 0, "label at " + x + "," + y + "," + z);
                    }
                }
            }

            CaseImport.ImportedCase second = CaseImport.add(store, new CaseDraft("1.2.3.4", "A", "phantom", "CT"), p.ct(), p.labels(),
                    CtPhantom.labelDescriptions(), RUN, "HU");
            assertEquals(first.reviewCase(), second.reviewCase(), "the same study is the same case");
            assertEquals(1, store.cases().size());
            assertEquals(2 * expected.size(), store.claims(first.reviewCase().id()).size());
            assertTrue(!first.labelMap().relativePath().equals(second.labelMap().relativePath()), "each run keeps its own label-map file");
        }
    }

    /**
     * Review-only mode: a second JVM opens the project, reviews and undoes with -verbose:class on, and loads
     * no DJL class and no inference class at all.
     */
    @Test
    void reviewingAProjectLoadsNoDjlAndNoInferenceClass() throws Exception {
        CtPhantom.Result p = phantom();
        Path folder = dir.resolve("p");
        int claimCount;
        try (ProjectStore store = Projects.create(folder)) {
            claimCount = CaseImport.add(store, new CaseDraft("1.2.3.4", "A", "phantom", "CT"), p.ct(), p.labels(),
                    CtPhantom.labelDescriptions(), RUN, "HU").claims().size();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-verbose:class", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReviewOnlyMain.class.getName(), folder.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> loaded = new ArrayList<>();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("[")) {
                    loaded.add(line);
                } else if (line.startsWith("reviewed ")) {
                    result = line;
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals("reviewed 1 of " + claimCount + " scored, versions [1, 2, 3]", result);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.attest.app.review.ReviewSession ")), "the log lists loaded classes");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains("ai.djl.") || l.contains("dev.attest.inference.")).toList());
    }
}
