package dev.attest.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attest command line end to end, on the real shared data, as a user would call it. */
class CliTest {
    private static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));

    /** Runs attest with arguments; returns exit code, stdout and stderr. */
    record Run(int exit, String out, String err) {
    }

    static Run attest(String... args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = AttestCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(savedOut);
        }
    }

    @Test
    void infoListsTheSegmentsOfADicomSeg() throws Exception {
        Path seg = DATA.resolve("seg-sr/dcmqi_partial_overlaps_seg.dcm");
        Run json = attest("info", seg.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode series = new ObjectMapper().readTree(json.out()).get("studies").get(0).get("series").get(0);
        assertEquals("BINARY", series.get("segmentationType").asText());
        JsonNode segments = series.get("segments");
        assertEquals(5, segments.size());
        // Colours: Recommended Display CIELab converted as tools/reference/make_seg_refs.py does with numpy.
        assertEquals("{\"number\":3,\"label\":\"PURPLE\",\"category\":\"Tissue\",\"type\":\"Capillary\","
                + "\"algorithmType\":\"MANUAL\",\"algorithmName\":\"\",\"colour\":\"#b79cdc\",\"frames\":3}",
                segments.get(2).toString());
        Run text = attest("info", seg.toString());
        assertTrue(text.out().contains("    BINARY segmentation, 5 segment(s):\n"
                + "      1  GREEN  (Tissue / Tissue, MANUAL)  #80ae80  1 frame(s)\n"), text.out());
    }

    @Test
    void infoJsonDescribesTheTiltedSeriesWithItsWarning() throws Exception {
        Run run = attest("info", DATA.resolve("series-ct/dcm_qa_ct_philips_S21610_S2010_tilt").toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(54, root.get("files").asInt());
        JsonNode volume = root.get("studies").get(0).get("series").get(0).get("volumes").get(0);
        assertEquals("[512,512,54]", volume.get("dimensions").toString());
        assertEquals(18.5, volume.get("gantryTiltDegrees").asDouble(), 1e-3);
        assertEquals(2.3708, volume.get("sliceSpacing").asDouble(), 1e-4);
        assertEquals("GANTRY_TILT", volume.get("warnings").get(0).get("kind").asText());
        assertEquals(1, root.get("skipped").size(), "the Philips DIRFILE is skipped");
    }

    @Test
    void convertWritesTheSeriesAsNifti(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ct.nii.gz");
        Run run = attest("convert", DATA.resolve("series-ct/dcm_qa_ct_philips_S21570_S2010").toString(), out.toString());
        assertEquals(0, run.exit(), run.err());
        Volume v = NiftiReader.read(out).volume();
        assertEquals(28, v.grid().sizeZ());
        assertEquals(-1024, v.intercept(0), 1e-6);
        assertEquals("LPS", v.grid().orientationCode());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("int16", report.get("datatype").asText());
    }

    @Test
    void pixelsWritesTheStoredValuesThatMatchTheReferenceDecoder(@TempDir Path tmp) throws Exception {
        Path raw = tmp.resolve("ct.raw");
        Run run = attest("pixels", DATA.resolve("dicom-codecs/cornerstone3d/CTImage.dcm").toString(), "--raw", raw.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        assertEquals("[512,512]", line.get("shape").toString());
        assertEquals(1, line.get("frames").asInt());
        assertEquals(1, line.get("samples").asInt());
        assertEquals("int16", line.get("dtype").asText());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(raw)));
        // PIXEL_REFERENCE.json, cornerstone3d/CTImage.dcm (pydicom)
        assertEquals("1bee432808f49770bbc30d904e3e744082b0ba41704d4943e7de5bcb3e3d72f9", sha);
    }

    @Test
    void dumpShowsNestedSequencesIndented() {
        Run run = attest("dump", DATA.resolve("dicom-codecs/pydicom/UN_sequence.dcm").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("(4453,100C) SQ (1 item)"), run.out());
        assertTrue(run.out().contains("        (0020,000E) UI [1.2.840.113619.2.327.3.185221411.476.1398588726.276] #52 SeriesInstanceUID"),
                run.out());
    }

    @Test
    void brokenFileGivesOneClearLineAndAnErrorExit() {
        Path bad = DATA.resolve("dicom-codecs/pydicom/no_meta.dcm");
        Run run = attest("pixels", bad.toString(), "--raw", "/dev/null");
        assertEquals(2, run.exit());
        assertEquals("attest: " + bad + ": at byte offset 0, tag (0820,0500): value length 173228800 exceeds the 38863 bytes left in the file",
                run.err().strip());
        Run dump = attest("dump", bad.toString());
        assertEquals(1, dump.exit());
        assertTrue(dump.out().contains("# error: "), dump.out());
    }

    @Test
    void unsupportedCompressionIsNamedForTheUser() {
        Path htj2k = DATA.resolve("dicom-codecs/pydicom-data/HTJ2KLossless_08_RGB.dcm");
        Run run = attest("pixels", htj2k.toString(), "--raw", "/dev/null");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("this image uses High-Throughput JPEG 2000 (Lossless Only) (transfer syntax "
                + "1.2.840.10008.1.2.4.201), which Attest cannot decode yet"), run.err());
    }

    @Test
    void infoFlagsASeriesAttestCannotDecodeBeforeItIsOpened() throws Exception {
        String message = "this image uses High-Throughput JPEG 2000 (Lossless Only) (transfer syntax "
                + "1.2.840.10008.1.2.4.201), which Attest cannot decode yet";
        Path htj2k = DATA.resolve("dicom-codecs/pydicom-data/HTJ2KLossless_08_RGB.dcm");
        Run json = attest("info", htj2k.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode warnings = new ObjectMapper().readTree(json.out()).get("studies").get(0).get("series").get(0).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("UNDECODABLE", warnings.get(0).get("kind").asText());
        assertEquals(message, warnings.get(0).get("message").asText());

        Run text = attest("info", htj2k.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("    ! UNDECODABLE: " + message + "\n"), text.out());
    }

    /**
     * A small run (N = 3) of {@code attest bench codecs} on two syntaxes prints well-formed JSON with
     * the expected keys; no time is asserted. GDCM is pointed at a path that does not exist, so it
     * must be reported missing rather than crash the run; DCMTK may or may not be installed.
     */
    @Test
    void benchCodecsPrintsOneEntryPerSyntaxWithMissingToolsReported(@TempDir Path tmp) throws Exception {
        String rle = "1.2.840.10008.1.2.5";
        String jpegLossless = "1.2.840.10008.1.2.4.57";
        Run run = attest("bench", "codecs", "--source", DATA.resolve("dicom-codecs/cornerstone3d").toString(),
                "--frames", "3", "--decodes", "3", "--runs", "1", "--syntax", rle, "--syntax", jpegLossless,
                "--gdcmconv", tmp.resolve("no-such-gdcmconv").toString(), "--work", tmp.resolve("work").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("codecs", root.get("benchmark").asText());
        assertEquals(3, root.get("frames").asInt());
        assertEquals("missing", root.get("tools").get("gdcm").get("status").asText());
        JsonNode variants = root.get("variants");
        assertEquals(2, variants.size());
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (JsonNode v : variants) {
            String uid = v.get("transferSyntax").asText();
            seen.add(uid);
            for (String key : new String[] {"file", "name", "codec", "frameBytes", "fileBytes", "attest", "dcmtk", "gdcm"}) {
                assertTrue(v.has(key), uid + " lacks " + key + ": " + v);
            }
            JsonNode attest = v.get("attest");
            if (dev.attest.dicom.pixel.FrameCodecs.canDecode(dev.attest.dicom.TransferSyntax.of(uid))) {
                for (String key : new String[] {"perFrameMs", "nFramePerFrameMs", "nFrameParallelPerFrameMs"}) {
                    assertTrue(attest.get(key).isNumber(), uid + " attest." + key + ": " + attest);
                }
            } else {
                assertEquals("unsupported", attest.asText(), uid);
            }
            assertEquals("missing", v.get("gdcm").get("status").asText());
            String dcmtk = v.get("dcmtk").get("status").asText();
            assertTrue(java.util.Set.of("ok", "missing", "failed").contains(dcmtk), dcmtk);
            if (dcmtk.equals("ok")) {
                assertTrue(v.get("dcmtk").get("perFrameMs").isNumber(), v.get("dcmtk").toString());
            }
        }
        assertEquals(java.util.Set.of(rle, jpegLossless), seen);
        assertEquals("RLE Lossless", variants.get(1).get("name").asText());
        assertEquals("rle", variants.get(1).get("codec").asText());
        assertEquals(2, root.get("summary").size());
        for (String target : new String[] {"jpegLossless", "jpegLs"}) {
            JsonNode t = root.get("targets").get(target);
            assertTrue(t.has("met") && t.has("worstRatio") && t.has("goal"), t.toString());
        }
        assertTrue(root.get("targets").get("jpegLs").get("met").isNull(), "JPEG-LS was not benchmarked in this run");
    }

    /**
     * A tiny run of {@code attest bench render} prints every part's figures; the Python given does
     * not exist, so VTK must be reported missing in both ray-casting entries rather than fail the run.
     */
    @Test
    void benchRenderPrintsEveryPartAndReportsAMissingVtk(@TempDir Path tmp) throws Exception {
        Run run = attest("bench", "render", "--size", "32", "--slices", "20", "--runs", "1",
                "--python", tmp.resolve("no-such-python").toString(), "--work", tmp.resolve("work").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("render", root.get("benchmark").asText());
        assertEquals("[32,32,20]", root.get("volume").get("dimensions").toString());
        assertEquals(32 * 32 * 20 * 2, root.get("volume").get("voxelBytes").asLong());
        assertTrue(root.get("slice2d").get("medianMs").isNumber(), root.toString());
        assertTrue(root.get("slice2d").get("targetMet").isBoolean(), root.toString());
        assertTrue(root.get("coronalReformat").get("medianMs").isNumber(), root.toString());
        assertEquals("[32,29]", root.get("coronalReformat").get("imageSize").toString(), "20 slices of 1 mm in 0.7 mm pixels: 29 rows");
        for (String mode : new String[] {"mip", "compositeCtBone"}) {
            JsonNode m = root.get("rayCast").get(mode);
            assertTrue(m.get("attestMedianMs").isNumber(), m.toString());
            assertEquals("missing", m.get("vtk").get("status").asText(), m.toString());
            assertTrue(m.get("vtk").get("why").asText().contains("no-such-python"), m.toString());
            assertTrue(!m.has("ratioAttestToVtk"), m.toString());
        }
        assertEquals(32 * 32 * 20 * 2, root.get("heap").get("voxelBytes").asLong());
    }

    @Test
    void demoWritesThePhantomSeriesAndReadsItBack(@TempDir Path tmp) throws Exception {
        Run run = attest("demo", "--dir", tmp.toString(), "--no-gui");
        assertEquals(0, run.exit(), run.err());
        try (var files = Files.list(tmp.resolve("dicom"))) {
            assertEquals(120, files.count());
        }
        assertTrue(run.out().contains("256x256x120, spacing 1.40 x 1.40 x 2.50 mm, orientation LPS"), run.out());
        Volume labels = NiftiReader.read(tmp.resolve("phantom_labels.nii.gz")).volume();
        Volume ct = NiftiReader.read(tmp.resolve("phantom_ct.nii.gz")).volume();
        assertTrue(labels.grid().sameGeometry(ct.grid(), 1e-3));
        // Centre of the liver lesion (LPS -75, -20, -35): label 9, about 20 HU under noise of SD 12.
        var index = ct.grid().lpsToIndex().apply(new dev.attest.core.geometry.Vec3(-75, -20, -35));
        int x = (int) Math.round(index.x());
        int y = (int) Math.round(index.y());
        int z = (int) Math.round(index.z());
        assertEquals(9, (int) labels.getStored(x, y, z));
        double mean = 0;
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                mean += ct.getPhysical(x + dx, y + dy, z) / 25;
            }
        }
        assertEquals(20, mean, 8);
    }
}
