package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.export.objects.KnownWarnings;
import dev.attest.app.review.CaseRefs;
import dev.attest.core.io.Sha256;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.Tag;
import dev.attest.dicom.deid.UidMap;
import dev.attest.dicom.seg.Segmentation;
import dev.attest.dicom.seg.SegmentationReader;
import dev.attest.dicom.seg.TargetGrid;
import dev.attest.dicom.sr.AttestCodes;
import dev.attest.dicom.sr.MeasurementGroup;
import dev.attest.dicom.sr.MeasurementReportDocument;
import dev.attest.dicom.sr.MeasurementReportReader;
import dev.attest.dicom.sr.QualitativeEvaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The done-when test of the benchmark set: a two-case project scored by two reviewers is exported (with DICOM and
 * zip), every row checked against its schema, every croissant sha256 checked, every byte searched for names,
 * patient identifiers and original UIDs, then imported into a new project whose metrics equal the set's exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    Path dir;

    ScoredProject project;
    Path out;
    ExportSummary summary;

    @BeforeAll
    void exportOnce(@TempDir Path tmp) throws Exception {
        dir = tmp;
        project = new ScoredProject(dir);
        out = dir.resolve("set");
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            summary = SetExporter.export(store, out, ExportOptions.DEFAULT.withDicom(true).withZip(true), ProgressListener.NONE,
                    new Cancellation());
        }
    }

    private List<JsonNode> rows(String table) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(table + ".jsonl"), StandardCharsets.UTF_8)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private List<Path> setFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void summaryCountsWhatWasWritten() {
        assertEquals(2, summary.cases());
        assertEquals(0, summary.casesWithoutImage());
        assertEquals(project.all().size(), summary.claims());
        assertEquals(project.scores, summary.scores());
        assertEquals(2, summary.reviewers());
        assertEquals(16, summary.dicomWritten(), "one de-identified file per slice of case 1");
        assertEquals(0, summary.dicomNotWritten());
        assertEquals(1, summary.warnings().size(), summary.warnings().toString());
        assertTrue(summary.warnings().get(0).startsWith("case-0001: COCO: " + dev.attest.app.export.objects.SkipReason.REGION_MASK.meaning()),
                "the phrase's region mask gets no COCO mask or SEG, and the user is told: " + summary.warnings());
    }

    @Test
    void everyRowOfEveryTableSatisfiesTheSchemaFileInTheSet() throws Exception {
        int checked = 0;
        for (TableSpec t : SetTables.ALL) {
            JsonNode schema = JSON.readTree(out.resolve(t.schemaFile()).toFile());
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
            for (JsonNode row : rows(t.name())) {
                assertEquals(List.of(), JsonSchemaCheck.problems(schema, row), t.file() + ": " + row);
                List<String> keys = new ArrayList<>();
                row.fieldNames().forEachRemaining(keys::add);
                assertEquals(t.columns().stream().map(Column::name).toList(), keys, "columns in schema order");
                checked++;
            }
        }
        int expected = 2 + 2 + project.all().size() + (project.all().size() + project.extraEvidence) + project.scores + 2
                + project.all().size() + project.corrections + 2 + 2;
        assertEquals(expected, checked, "cases, runs, claims, evidence, scores, missed, consensus, corrections,"
                + " acceptability, reviewers");
    }

    @Test
    void croissantListsEveryOtherFileWithItsSha256() throws Exception {
        JsonNode c = JSON.readTree(out.resolve("croissant.json").toFile());
        assertEquals(List.of("http://mlcommons.org/croissant/1.1", "http://mlcommons.org/croissant/RAI/1.0"),
                List.of(c.get("conformsTo").get(0).asText(), c.get("conformsTo").get(1).asText()));
        assertEquals("sc:Dataset", c.get("@type").asText());
        Map<String, String> listed = new HashMap<>();
        for (JsonNode f : c.get("distribution")) {
            assertEquals("cr:FileObject", f.get("@type").asText());
            listed.put(f.get("contentUrl").asText(), f.get("sha256").asText());
        }
        List<Path> files = setFiles();
        assertEquals(files.size() - 1, listed.size(), "every file but croissant.json itself");
        for (Path f : files) {
            String rel = out.relativize(f).toString().replace('\\', '/');
            if (!rel.equals("croissant.json")) {
                assertEquals(Sha256.of(f), listed.get(rel), rel);
            }
        }
        // One record set per table, its fields the table's columns, read from the table's file.
        for (TableSpec t : SetTables.ALL) {
            JsonNode rs = null;
            for (JsonNode r : c.get("recordSet")) {
                if (r.get("@id").asText().equals(t.name())) {
                    rs = r;
                }
            }
            assertTrue(rs != null, t.name());
            assertEquals(t.columns().size(), rs.get("field").size());
            JsonNode first = rs.get("field").get(0);
            assertEquals(t.name() + "/" + t.columns().get(0).name(), first.get("@id").asText());
            assertEquals(t.file(), first.get("source").get("fileObject").get("@id").asText());
        }
        for (String rai : List.of("rai:dataCollection", "rai:dataAnnotationProtocol", "rai:annotationsPerItem",
                "rai:dataBiases", "rai:dataLimitations", "rai:personalSensitiveInformation", "rai:dataUseCases",
                "rai:dataReleaseMaintenancePlan")) {
            assertTrue(c.has(rai), rai);
        }
        assertTrue(c.get("rai:annotationsPerItem").asText().startsWith("1 claim scored by 1 reviewer; "
                + (project.all().size() - 1) + " claims scored by 2 reviewers"), c.get("rai:annotationsPerItem").asText());
    }

    @Test
    void noNamePatientIdentifierPathOrOriginalUidInAnyExportedByte() throws Exception {
        List<String> secrets = project.secrets();
        for (Path f : setFiles()) {
            String text = readable(Files.readAllBytes(f), f.toString());
            for (String s : secrets) {
                assertFalse(text.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)), f + " contains " + s);
            }
        }
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(SetExporter.zipOf(out)))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                String text = readable(zin.readAllBytes(), e.getName());
                for (String s : secrets) {
                    assertFalse(text.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)), e.getName() + " " + s);
                }
            }
        }
    }

    /** The file as ISO-8859-1 text (one char per byte), gunzipped first for .gz files so compression hides nothing. */
    private static String readable(byte[] bytes, String name) throws IOException {
        if (name.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void reviewersArePseudonymisedScoresAreCurrentAndTextIsRedacted() throws Exception {
        List<JsonNode> scores = rows("scores");
        assertEquals(project.scores, scores.size());
        Map<String, Integer> byReader = new HashMap<>();
        scores.forEach(s -> byReader.merge(s.get("reviewer").asText(), 1, Integer::sum));
        assertEquals(Map.of("reader-1", project.all().size(), "reader-2", project.all().size() - 1), byReader);
        JsonNode first = scores.get(0);
        assertEquals("claim-0001", first.get("claim_id").asText());
        assertEquals("reader-1", first.get("reviewer").asText());
        assertEquals("correct", first.get("verdict").asText(), "reader-1's second score of claim 1 is the current one");
        assertEquals(2, first.get("version").intValue());

        String sentenceId = project.sentenceId();
        JsonNode sentenceScore = scores.stream().filter(s -> s.get("claim_id").asText().equals(sentenceId)).findFirst()
                .orElseThrow();
        assertEquals("size looks smaller; discussed with [NAME] on [DATE]", sentenceScore.get("note").asText());
        JsonNode disputedScore = scores.stream().filter(s -> s.get("claim_id").asText().equals("claim-0002")
                && s.get("reviewer").asText().equals("reader-1")).findFirst().orElseThrow();
        assertEquals("[NAME] thinks the mask is off", disputedScore.get("note").asText());

        JsonNode sentence = rows("claims").get(project.all().indexOf(project.sentence));
        assertEquals("sentence", sentence.get("kind").asText());
        assertEquals("[NAME]: 3 cm lesion in the right liver lobe", sentence.get("text").asText());
        int revisedIndex = project.claims1.indexOf(project.revised);
        JsonNode revised = rows("claims").get(revisedIndex);
        assertEquals(ScoredProject.REVISED_TEXT, revised.get("text").asText());
        assertEquals(project.revised.text(), revised.get("model_text").asText());
        assertEquals(2, revised.get("text_version").intValue());
        assertEquals(1, revised.get("revisions").intValue());
        assertEquals("reader-2", revised.get("revised_by").asText());
        assertEquals(List.of("existence", "laterality", "location", "size"),
                revised.get("checks").findValuesAsText("kind"));

        List<JsonNode> missed = rows("missed_findings");
        assertEquals("small cyst in the left kidney, seen by [NAME]", missed.get(0).get("text").asText());
        assertEquals("reader-1", missed.get(0).get("reviewer").asText());
        assertEquals(JSON.readTree("{\"point_lps_mm\":[58.000,50.000,-95.000]}"), missed.get(0).get("geometry"));
        assertEquals("call [NAME]'s GP", rows("acceptability").get(0).get("note").asText());

        JsonNode deid = JSON.readTree(out.resolve("deid.json").toFile());
        assertEquals(summary.redactions(), deid.get("set").get("freeText").get("redacted").intValue());
        assertEquals(8, summary.redactions(), "sentence text, its model text, two notes, a missed finding,"
                + " an acceptability note, the run parameters' path and the evidence method's path");
        assertFalse(deid.toString().contains("uidmap"), "the UID map is never described by content");
    }

    @Test
    void consensusBreaksTiesAgainstTheModelAndFlagsUnanimity() throws Exception {
        List<JsonNode> consensus = rows("consensus");
        JsonNode tie = consensus.get(1);
        assertEquals("claim-0002", tie.get("claim_id").asText());
        assertEquals(2, tie.get("reviewers").intValue());
        assertEquals("incorrect", tie.get("verdict").asText());
        assertEquals(0.5, tie.get("verdict_share").doubleValue(), 0);
        assertTrue(tie.get("verdict_tie").booleanValue());
        assertFalse(tie.get("unanimous").booleanValue());
        assertEquals("contradicts", tie.get("evidence_support").asText());
        assertEquals(1, tie.get("verdict_votes").get("correct").intValue());
        assertEquals(0, tie.get("verdict_votes").get("ungradable").intValue());
        JsonNode agreed = consensus.get(0);
        assertEquals("correct", agreed.get("verdict").asText());
        assertEquals(1.0, agreed.get("verdict_share").doubleValue(), 0);
        assertTrue(agreed.get("unanimous").booleanValue());
        JsonNode single = consensus.get(project.all().indexOf(project.sentence));
        assertEquals(1, single.get("reviewers").intValue());
        assertEquals("partially_correct", single.get("verdict").asText());
        assertFalse(single.get("unanimous").booleanValue(), "one reviewer is no consensus");
    }

    @Test
    void imagesLabelsAndDicomAreTheProjectsVoxelsUnderPseudonymsAndReplacedUids() throws Exception {
        List<JsonNode> cases = rows("cases");
        assertEquals("images/case-0001.nii.gz", cases.get(0).get("image").asText());
        assertEquals("Hospital Alpha", cases.get(0).get("site").asText(), "site kept by default");
        assertEquals("Scanner Y2", cases.get(1).get("scanner").asText());
        assertNull(cases.get(1).get("study_ref").textValue(), "a file path is no study reference for a set");
        UidMap map = UidMap.load(project.folder.resolve(ProjectKeys.UID_MAP), ProjectKeys.secret(project.folder));
        String series = map.remap(project.series.seriesInstanceUid());
        assertEquals(CaseRefs.SERIES + series, cases.get(0).get("study_ref").asText());
        assertEquals("images/dicom/" + series, cases.get(0).get("image_dicom").asText());

        sameVoxels(project.phantom1.ct(), NiftiReader.read(out.resolve("images/case-0001.nii.gz")).volume());
        sameVoxels(project.phantom2.ct(), NiftiReader.read(out.resolve("images/case-0002.nii.gz")).volume());
        sameVoxels(project.phantom1.labels(), NiftiReader.read(out.resolve("labels/case-0001-labels-1.nii.gz")).volume());
        assertEquals(CtPhantom.labelDescriptions().all().stream().map(d -> d.name()).toList(),
                LabelDescriptions.readItkSnap(out.resolve("labels/case-0001-labels-1.labels.txt")).all().stream()
                        .map(d -> d.name()).toList());
        assertEquals("case-0001", NiftiReader.read(out.resolve("images/case-0001.nii.gz")).header().description());

        List<JsonNode> evidence = rows("evidence");
        assertEquals("labels/case-0001-labels-1.nii.gz", evidence.get(0).get("file").asText());
        JsonNode box = evidence.stream().filter(e -> e.get("kind").asText().equals("box")).findFirst().orElseThrow();
        assertEquals(JSON.readTree(ScoredProject.BOX), box.get("geometry"), "box geometry as the project stores it");
        assertEquals("grounder.onnx", box.get("method").get("model").asText());
        assertEquals("demo.pt", rows("model_runs").get(0).get("parameters").get("weights").asText());
        assertEquals(2.5, rows("model_runs").get(0).get("duration_s").doubleValue(), 0);

        try (Stream<Path> dcm = Files.list(out.resolve("images/dicom/" + series))) {
            List<Path> files = dcm.sorted().toList();
            assertEquals(16, files.size());
            DicomFile f = DicomReader.read(files.get(0));
            assertEquals("case-0001", f.dataset().getString(Tag.PatientName));
            assertEquals("case-0001", f.dataset().getString(Tag.PatientID));
            assertEquals(series, f.dataset().getString(Tag.SeriesInstanceUID));
            assertEquals(map.remap(project.series.studyInstanceUid()), f.dataset().getString(Tag.StudyInstanceUID));
        }
    }

    @Test
    void standardObjectsJoinTheTablesAndReferToTheDeidentifiedImages() throws Exception {
        for (String f : List.of("labels/coco.json", "labels/case-0001.coco.json", "labels/case-0002.coco.json",
                "labels/case-0001.radfact.json", "labels/case-0002.radfact.json", "labels/case-0001-seg1.dcm",
                "labels/case-0002-seg1.dcm", "sr/case-0001-sr.dcm", "sr/case-0002-sr.dcm")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Map<String, String> caseOfClaim = new HashMap<>();
        rows("claims").forEach(r -> caseOfClaim.put(r.get("claim_id").asText(), r.get("case_id").asText()));
        List<String> evidenceIds = rows("evidence").stream().map(r -> r.get("evidence_id").asText()).toList();
        List<String> correctionIds = rows("corrections").stream().map(r -> r.get("correction_id").asText()).toList();
        int reviewerBoxes = 0;

        // COCO: every annotation names a claim and evidence of the tables; the sentence's box lies on its two slices.
        JsonNode coco = JSON.readTree(out.resolve("labels/coco.json").toFile());
        int sentenceBoxes = 0;
        String sentenceId = project.sentenceId();
        for (JsonNode a : coco.get("annotations")) {
            JsonNode at = a.get("attest");
            assertEquals(at.get("case").asText(), caseOfClaim.get(at.get("claim_id").asText()), a.toString());
            if (at.has("evidence_id")) {
                assertTrue(evidenceIds.contains(at.get("evidence_id").asText()), a.toString());
            } else {
                assertTrue(correctionIds.contains(at.get("correction_id").asText()), a.toString());
                assertEquals("reviewer_box", at.get("source").asText());
                assertEquals("[3,4,9,7]", a.get("bbox").toString(), "reader-2's wider box of the sentence");
                reviewerBoxes++;
            }
            if (at.get("claim_id").asText().equals(sentenceId) && at.get("source").asText().equals("model_box")) {
                assertEquals("[3,4,7,7]", a.get("bbox").toString());
                sentenceBoxes++;
            }
        }
        assertEquals(2, sentenceBoxes, "the box spans slices 6 and 7");
        assertEquals(2, reviewerBoxes);

        // SEG of the DICOM case: same study, frame of reference and slices as images/dicom/, voxels of the label map.
        UidMap map = UidMap.load(project.folder.resolve(ProjectKeys.UID_MAP), ProjectKeys.secret(project.folder));
        String series = map.remap(project.series.seriesInstanceUid());
        List<String> slices = new ArrayList<>();
        try (Stream<Path> dcm = Files.list(out.resolve("images/dicom/" + series))) {
            for (Path p : dcm.toList()) {
                slices.add(DicomReader.read(p).sopInstanceUid());
            }
        }
        DicomFile segFile = DicomReader.read(out.resolve("labels/case-0001-seg1.dcm"));
        DicomDataset seg = segFile.dataset();
        assertEquals(map.remap(project.series.studyInstanceUid()), seg.getString(Tag.StudyInstanceUID));
        assertEquals(map.remap(project.series.frameOfReferenceUid()), seg.getString(Tag.FrameOfReferenceUID));
        assertEquals("case-0001", seg.getString(Tag.PatientName));
        List<String> referenced = new ArrayList<>();
        for (DicomDataset r : seg.getSequence(Tag.ReferencedSeriesSequence)) {
            assertEquals(series, r.getString(Tag.SeriesInstanceUID));
            r.getSequence(Tag.ReferencedInstanceSequence).forEach(i -> referenced.add(i.getString(Tag.ReferencedSOPInstanceUID)));
        }
        assertEquals(slices.stream().sorted().toList(), referenced.stream().sorted().toList());
        Segmentation read = SegmentationReader.read(segFile, TargetGrid.of(project.phantom1.ct().grid()), false);
        Map<Integer, Integer> labelOfSegment = new HashMap<>();
        read.segments().forEach(x -> labelOfSegment.put(x.number(), Integer.parseInt(x.description().replace("label value ", ""))));
        Volume layer = read.layers().get(0);
        Volume labels = project.phantom1.labels();
        var g = labels.grid();
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    int segment = (int) layer.getStored(i, j, k);
                    assertEquals((int) labels.getStored(i, j, k), segment == 0 ? 0 : labelOfSegment.get(segment), i + "," + j + "," + k);
                }
            }
        }

        // SR: one group per claim of the case named by its set id, each verdict by its reader, as in scores.jsonl.
        MeasurementReportDocument sr = MeasurementReportReader.read(DicomReader.read(out.resolve("sr/case-0001-sr.dcm")));
        assertEquals(seg.getString(Tag.StudyInstanceUID), sr.studyInstanceUid());
        List<String> expected = new ArrayList<>();
        for (JsonNode score : rows("scores")) {
            if ("case-0001".equals(caseOfClaim.get(score.get("claim_id").asText()))) {
                expected.add(score.get("claim_id").asText() + " " + score.get("reviewer").asText() + " " + score.get("verdict").asText());
            }
        }
        List<String> actual = new ArrayList<>();
        for (MeasurementGroup group : sr.report().groups()) {
            String claim = group.trackingId().substring(0, group.trackingId().indexOf(':'));
            assertEquals("case-0001", caseOfClaim.get(claim), group.trackingId());
            for (QualitativeEvaluation e : group.evaluations()) {
                if (e.concept().equals(AttestCodes.VERDICT)) {
                    actual.add(claim + " " + e.observer().orElseThrow() + " " + e.value().meaning().toLowerCase(Locale.ROOT).replace(' ', '_'));
                }
            }
        }
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
        assertTrue(sr.report().groups().stream().anyMatch(x -> x.trackingId().startsWith(sentenceId + ": [NAME]: 3 cm lesion")),
                "the sentence's text is redacted in the SR as in claims.jsonl");
    }

    @Test
    @org.junit.jupiter.api.Tag("validator")
    void theSetsSegAndSrPassDciodvfyWithOnlyTheExplainedWarnings() throws Exception {
        for (String c : List.of("case-0001", "case-0002")) {
            KnownWarnings.assertAccepted(out.resolve("labels/" + c + "-seg1.dcm"), out.resolve("sr/" + c + "-sr.dcm"), c);
        }
    }

    private static void sameVoxels(Volume expected, Volume actual) {
        var g = expected.grid();
        assertEquals(g.sizeX(), actual.grid().sizeX());
        assertEquals(g.sizeY(), actual.grid().sizeY());
        assertEquals(g.sizeZ(), actual.grid().sizeZ());
        var p = g.indexToLps().apply(3, 4, 5);
        var q = actual.grid().indexToLps().apply(3, 4, 5);
        assertEquals(0, p.sub(q).norm(), 1e-4, "voxel (3,4,5) at " + p + " and " + q);
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    assertEquals(expected.getPhysical(x, y, z), actual.getPhysical(x, y, z), 0, x + "," + y + "," + z);
                }
            }
        }
    }

    @Test
    void metricsJsonHoldsTheProjectsMetricsUnderPseudonymsWithVersionAndSeed() throws Exception {
        JsonNode doc = JSON.readTree(out.resolve("metrics.json").toFile());
        assertEquals(MetricsOptions.DEFAULT.bootstrap().seed(), doc.get("bootstrap_seed").longValue());
        assertEquals(SetMetrics.attestVersion(), doc.get("attest_version").asText());
        JsonNode m = doc.get("metrics");
        assertEquals("benchmark set", m.get("project").asText());
        assertEquals(JSON.readTree("{\"1\":\"reader-1\",\"2\":\"reader-2\"}"), m.get("reviewers"));
        JsonNode overall = m.get("overall");
        assertEquals(project.scores, overall.get("scores").intValue());
        assertEquals(project.missed, overall.get("missedFindings").intValue());
        assertEquals((double) project.correctScores / project.gradableScores,
                overall.get("claimPrecision").get("value").doubleValue(), 1e-15);
        assertEquals((double) project.correctScores / (project.correctScores + project.missed),
                overall.get("recall").get("value").doubleValue(), 1e-15);
        JsonNode pair = overall.get("agreement").get("cohen").get(0);
        assertEquals(1, pair.get("reviewerA").intValue());
        assertEquals(2, pair.get("reviewerB").intValue());
        assertEquals(List.of("Hospital Alpha", "Hospital Beta"), fieldNames(m.get("strata").get("site")));

        // Ground truth: the reviewers' corrections against the model's evidence, under set ids only.
        JsonNode truth = m.get("groundTruth");
        List<String> maskPairs = new ArrayList<>();
        for (JsonNode row : truth.get("masks")) {
            JsonNode p = row.get("pair");
            maskPairs.add(p.get("correctionId").asText() + " " + p.get("editorId").asInt() + " " + p.get("evidenceId").asText()
                    + " " + p.get("claimId").asText() + " " + p.get("caseId").asText() + " " + row.get("labels").get("region"));
            assertFalse(p.has("study"), "the study reference names an original UID");
        }
        List<JsonNode> corrections = rows("corrections");
        String erased = corrections.get(0).get("correction_id").asText();
        String regionEdit = corrections.get(1).get("correction_id").asText();
        assertEquals("mask", corrections.get(0).get("kind").asText());
        assertEquals(List.of(erased + " 1 evidence-0002 claim-0002 case-0001 false",
                regionEdit + " 2 " + corrections.get(1).get("derived_from").asText() + " " + "claim-"
                        + String.format("%04d", project.all().size()) + " case-0001 true"), maskPairs,
                "the region mask is compared with reader-2's edit of it, which only its provenance sidecar shows");
        assertTrue(truth.get("heatmaps").size() >= 1, truth.toString());
        assertTrue(truth.get("boxes").size() >= 1, truth.toString());
        for (JsonNode skip : truth.get("skipped")) {
            assertFalse(skip.has("detail") || skip.has("study"), skip.toString());
            assertTrue(skip.get("correctionId").asText().startsWith("correction-"), skip.toString());
        }
        JsonNode provenance = JSON.readTree(out.resolve(corrections.get(0).get("file").asText().replace(".nii.gz", ".json")).toFile());
        assertEquals("reader-1", provenance.get("editor").asText());
        assertEquals("labels/case-0001-labels-1.nii.gz", provenance.at("/derived_from/path").asText());
        assertEquals(Sha256.of(out.resolve("labels/case-0001-labels-1.nii.gz")), provenance.at("/derived_from/sha256").asText());
        assertEquals(Sha256.of(out.resolve(corrections.get(0).get("file").asText())), provenance.get("sha256").asText());
        assertFalse(provenance.has("created"), "edit times are not exported");

        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            assertEquals(SetMetrics.normalise(ProjectMetrics.compute(store, MetricsOptions.DEFAULT),
                    ExportIds.of(ProjectSnapshot.read(store)), s -> s, s -> s), m, "metrics.json is attest metrics of the project");
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void importingTheSetRebuildsTheProjectAndReproducesTheMetricsExactly() throws Exception {
        Path rebuilt = dir.resolve("rebuilt-" + System.nanoTime());
        ImportResult r = SetImporter.importSet(out, rebuilt, ProgressListener.NONE, new Cancellation());
        assertEquals(List.of(), r.differences());
        assertTrue(r.reproduced());
        assertEquals(setFiles().size() - 1, r.filesVerified());
        assertEquals(2, r.cases());
        assertEquals(project.all().size(), r.claims());
        assertEquals(project.scores, r.scores());
        try (ProjectStore store = Projects.openReadOnly(rebuilt)) {
            assertEquals(List.of("reader-1", "reader-2"), store.reviewers().stream().map(Reviewer::name).toList());
            List<Claim> claims = store.claims();
            assertEquals(project.all().stream().map(Claim::text).toList(), claims.stream().map(Claim::text)
                    .map(t -> t.startsWith("[NAME]") ? project.sentence.text() : t).toList(), "model texts, in order");
            Claim revised = claims.get(project.claims1.indexOf(project.revised));
            assertEquals(ScoredProject.REVISED_TEXT, store.revisions(revised.id()).get(0).text());
            assertEquals(2, store.missedFindings().size());
            // The independent check of "reproduced": the metrics trees are equal node for node.
            JsonNode set = JSON.readTree(out.resolve("metrics.json").toFile()).get("metrics");
            assertEquals(set, SetMetrics.normalise(ProjectMetrics.compute(store, MetricsOptions.DEFAULT),
                    SetImporter.rebuiltIds(store), s -> s, s -> s));
        }
        ImportResult fromZip = SetImporter.importSet(SetExporter.zipOf(out), null, ProgressListener.NONE, new Cancellation());
        assertTrue(fromZip.reproduced(), fromZip.differences().toString());
        assertNull(fromZip.project());
    }

    @Test
    void aChangedFileFailsVerificationNamingTheFile() throws Exception {
        Path copy = dir.resolve("tampered-" + System.nanoTime());
        copyTree(out, copy);
        Path scores = copy.resolve("scores.jsonl");
        Files.writeString(scores, Files.readString(scores).replaceFirst("\"incorrect\"", "\"correct\""));
        SetChecksumException e = assertThrows(SetChecksumException.class,
                () -> SetImporter.importSet(copy, null, ProgressListener.NONE, new Cancellation()));
        assertEquals("scores.jsonl", e.file());
        assertTrue(e.getMessage().startsWith("scores.jsonl: sha256 is "), e.getMessage());
    }

    @Test
    void aSetWhoseScoresChangedUnderFreshChecksumsDoesNotReproduce() throws Exception {
        Path copy = dir.resolve("edited-" + System.nanoTime());
        copyTree(out, copy);
        Path scores = copy.resolve("scores.jsonl");
        Files.writeString(scores, Files.readString(scores).replaceFirst("\"verdict\":\"correct\"", "\"verdict\":\"ungradable\""));
        Path croissant = copy.resolve("croissant.json");
        Files.writeString(croissant, Files.readString(croissant).replace(Sha256.of(out.resolve("scores.jsonl")),
                Sha256.of(scores)));
        ImportResult r = SetImporter.importSet(copy, null, ProgressListener.NONE, new Cancellation());
        assertFalse(r.reproduced());
        assertTrue(r.differences().contains("$.overall.claimPrecision.numerator: " + (double) project.correctScores
                + " in the set, " + (double) (project.correctScores - 1) + " recomputed"), r.differences().toString());
        assertEquals(20, r.differences().size(), "at most 20 differences are listed");
    }

    @Test
    void refusesAFolderThatHoldsAnythingAndOverwritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(out.resolve("claims.jsonl"));
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            ExportTargetNotEmptyException e = assertThrows(ExportTargetNotEmptyException.class, () -> SetExporter.export(
                    store, out, ExportOptions.DEFAULT, ProgressListener.NONE, new Cancellation()));
            assertEquals(out, e.target());
            Path fresh = dir.resolve("fresh-" + System.nanoTime());
            Files.createDirectories(fresh);
            Files.createFile(SetExporter.zipOf(fresh));
            assertThrows(ExportTargetNotEmptyException.class, () -> SetExporter.export(store, fresh,
                    ExportOptions.DEFAULT.withZip(true), ProgressListener.NONE, new Cancellation()));
        }
        assertArrayEquals(before, Files.readAllBytes(out.resolve("claims.jsonl")));
    }

    @Test
    void aCancelledExportLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("cancelled-" + System.nanoTime());
        Cancellation cancel = new Cancellation();
        List<String> messages = new ArrayList<>();
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            assertThrows(CancelledException.class, () -> SetExporter.export(store, target, ExportOptions.DEFAULT,
                    (done, total, message) -> {
                        messages.add(message);
                        if (done == 1) {
                            cancel.cancel(); // while the second case is being written
                        }
                    }, cancel));
        }
        assertEquals(List.of("exporting case-0001", "exporting case-0002"), messages);
        assertFalse(Files.exists(target));
    }

    @Test
    void exportingAgainGivesTheSameTablesImagesAndZipEntryOrder() throws Exception {
        Path again = dir.resolve("again-" + System.nanoTime());
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            SetExporter.export(store, again, ExportOptions.DEFAULT.withDicom(true).withZip(true), ProgressListener.NONE,
                    new Cancellation());
        }
        for (Path f : setFiles()) {
            String rel = out.relativize(f).toString();
            if (rel.equals("croissant.json") || rel.equals("README.md")) {
                continue; // they carry the export date
            }
            if (rel.endsWith(".dcm") && !rel.startsWith("images/")) {
                // SEG and SR carry the export's time as content and instance creation date/time, and only that.
                assertEquals(withoutTimes(DicomReader.read(f).dataset()), withoutTimes(DicomReader.read(again.resolve(rel)).dataset()), rel);
            } else if (rel.endsWith(".coco.json") || rel.equals("labels/coco.json")) {
                ObjectNode first = (ObjectNode) JSON.readTree(f.toFile());
                ObjectNode second = (ObjectNode) JSON.readTree(again.resolve(rel).toFile());
                assertTrue(first.path("info").has("date_created"), rel);
                ((ObjectNode) first.get("info")).remove("date_created");
                ((ObjectNode) second.get("info")).remove("date_created");
                assertEquals(first, second, rel);
            } else {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(rel)), rel);
            }
        }
        List<String> names = zipNames(SetExporter.zipOf(out));
        assertEquals(names.stream().sorted().toList(), names, "entries in path order");
        assertEquals(names.stream().map(n -> n.substring("set/".length())).toList(),
                zipNames(SetExporter.zipOf(again)).stream().map(n -> n.substring(n.indexOf('/') + 1)).toList());
        assertEquals(setFiles().size(), names.size());
        assertTrue(names.stream().allMatch(n -> n.startsWith("set/")), names.toString());
    }

    /** Every element of a data set but its dates and times, as text, items included. */
    private static String withoutTimes(DicomDataset d) {
        StringBuilder out = new StringBuilder();
        for (DicomElement e : d.elements()) {
            out.append(String.format("%08X %s ", e.tag(), e.vr()));
            switch (e) {
                case DicomElement.Value v when v.vr() == Vr.DA || v.vr() == Vr.TM || v.vr() == Vr.DT -> out.append("(time)");
                case DicomElement.Value v -> out.append(java.util.HexFormat.of().formatHex(v.bytes()));
                case DicomElement.Sequence q -> q.items().forEach(i -> out.append("[").append(withoutTimes(i)).append("]"));
                case DicomElement.Bulk b -> out.append(b.data().duplicate().hashCode()).append(" ").append(b.data().remaining());
                case DicomElement.Encapsulated x -> out.append(x.fragments().size());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<String> zipNames(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                in.transferTo(new ByteArrayOutputStream());
            }
        }
        return names;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
