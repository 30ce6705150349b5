package dev.attest.app.bench;

import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.UnsupportedTransferSyntaxException;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.pixel.FrameCache;
import dev.attest.dicom.pixel.FrameIndex;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The codec benchmark behind {@code attest bench codecs}: Attest's per-frame decode time for every
 * transfer syntax variant of one CT slice, beside DCMTK's and GDCM's command-line decoders run in
 * the same invocation.
 *
 * <p>A command-line tool's time includes starting a process, parsing and writing a file. To get a
 * per-frame figure, each variant's compressed frame is written (by our own writer, the encapsulated
 * data passed through, with a Basic Offset Table) into a file holding it N times and a file holding
 * it once; each tool decodes both several times, and (median t_N − median t_1) / (N − 1) is its
 * per-frame time, start-up and fixed costs cancelling. Attest is timed in-process (median of many
 * decodes of the frame after warm-up, single-threaded, no frame cache) and, like for like, with the
 * same N-frame formula (read, open and decode every frame one after the other, in one thread), and
 * decoding the N frames in parallel.
 */
public final class CodecBenchmark {
    private static final Set<String> JPEG_LOSSLESS = Set.of("1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70");
    private static final Set<String> JPEG_LS = Set.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");
    /** The target: Attest within this factor of the faster C++ decoder. */
    static final double TARGET_RATIO = 2.0;

    /**
     * @param source   folder with {@code CTImage.dcm} and its {@code CTImage.dcm_*.dcm} variants
     * @param work     folder for the generated files and the tools' output
     * @param frames   N, the frames of the multi-frame file (≥ 2)
     * @param decodes  timed in-process decodes of the frame (the issue asks for ≥ 30)
     * @param toolRuns timed runs of each tool on each file, and of Attest on each file
     * @param dcmtkDir folder holding the DCMTK tools, or null to look them up on PATH
     * @param gdcmconv the gdcmconv executable (a bare name is looked up on PATH)
     * @param only     transfer syntax UIDs to benchmark, or empty for all
     * @param progress where a line per variant is written as the benchmark goes, or null
     */
    public record Options(Path source, Path work, int frames, int decodes, int toolRuns, Path dcmtkDir,
                          String gdcmconv, List<String> only, PrintStream progress) {
        public Options {
            if (frames < 2) {
                throw new IllegalArgumentException("--frames must be at least 2, not " + frames);
            }
            if (decodes < 1 || toolRuns < 1) {
                throw new IllegalArgumentException("--decodes and --runs must be at least 1");
            }
            only = List.copyOf(only);
        }
    }

    private final Options options;

    private CodecBenchmark(Options options) {
        this.options = options;
    }

    /** Runs the benchmark and returns its report, ready to print as JSON. */
    public static Map<String, Object> run(Options options) throws IOException, InterruptedException {
        return new CodecBenchmark(options).run();
    }

    private Map<String, Object> run() throws IOException, InterruptedException {
        List<Path> files = variants(options.source());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "codecs");
        report.put("source", options.source().toString());
        report.put("frames", options.frames());
        report.put("decodes", options.decodes());
        report.put("toolRuns", options.toolRuns());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", Runtime.version().toString());
        report.put("method", "tools and Attest like-for-like: per frame = (median t_N - median t_1) / (N - 1) over files holding "
                + "the same compressed frame N times and once (start-up cancels; tools also write their output); "
                + "attest.perFrameMs: median of in-process single-threaded decodes after warm-up, no frame cache; "
                + "attest.nFramePerFrameMs: read, open and decode each frame in one thread; attest.nFrameParallelPerFrameMs: "
                + "decodeAll() on all cores, including allocating the N-frame array; ratios use attest.perFrameMs "
                + "(LikeForLike: nFramePerFrameMs); targets compare with the faster of DCMTK and GDCM");
        Map<String, Object> tools = new LinkedHashMap<>();
        tools.put("dcmtk", toolVersion(dcmtk("dcmdjpeg")));
        tools.put("gdcm", toolVersion(executable(options.gdcmconv())));
        report.put("tools", tools);
        List<Map<String, Object>> variants = new ArrayList<>();
        Files.createDirectories(options.work());
        int n = 0;
        for (Path file : files) {
            n++;
            Map<String, Object> v = variant(file, n, files.size());
            variants.add(v);
        }
        report.put("variants", variants);
        report.put("summary", summary(variants));
        report.put("targets", targets(variants));
        return report;
    }

    /** CTImage.dcm first, then its variants by transfer syntax UID; filtered by {@link Options#only()}. */
    private List<Path> variants(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IOException(source + ": no such folder (expected the cornerstone3d CTImage.dcm variants)");
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(source)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals("CTImage.dcm") || name.startsWith("CTImage.dcm_") && name.endsWith(".dcm")) {
                    out.add(p);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(source + ": no CTImage.dcm or CTImage.dcm_*.dcm files");
        }
        List<Path> kept = new ArrayList<>();
        for (Path p : out) {
            String uid = DicomReader.read(p).transferSyntax().uid();
            if (options.only().isEmpty() || options.only().contains(uid)) {
                kept.add(p);
            }
        }
        kept.sort((a, b) -> a.getFileName().toString().equals("CTImage.dcm") ? -1
                : b.getFileName().toString().equals("CTImage.dcm") ? 1 : a.getFileName().compareTo(b.getFileName()));
        return kept;
    }

    private Map<String, Object> variant(Path file, int n, int of) throws IOException, InterruptedException {
        DicomFile original = DicomReader.read(file);
        TransferSyntax ts = original.transferSyntax();
        PixelDescription d = PixelDescription.of(original);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("file", file.getFileName().toString());
        v.put("transferSyntax", ts.uid());
        v.put("name", ts.name());
        v.put("codec", codec(ts));
        v.put("lossy", ts.lossy());
        v.put("image", d.columns() + "x" + d.rows() + ", " + d.bitsStored() + "/" + d.bitsAllocated() + " bits, "
                + (d.pixelRepresentation() == 1 ? "signed" : "unsigned"));
        progress("bench codecs: " + n + "/" + of + " " + ts);
        if (ts.deflated()) {
            v.put("note", "the whole data set is inflated when the file is read, so attest.perFrameMs is a copy of "
                    + "native values; the N-frame figures include inflating");
        }
        Path dir = options.work().resolve(ts.uid());
        Files.createDirectories(dir);
        if (ts.bigEndian()) {
            // Our writer does not write the retired big-endian syntax, so there is no N-frame file.
            v.put("frameBytes", d.nativeFrameBytes());
            v.put("attest", timeAttest(file, null));
            String why = "not measured: Attest does not write the retired big-endian syntax, so there is no N-frame file";
            v.put("dcmtk", Map.of("status", "not measured", "why", why));
            v.put("gdcm", Map.of("status", "not measured", "why", why));
            return v;
        }
        Path one = dir.resolve("1-frame.dcm");
        Path many = dir.resolve(options.frames() + "-frames.dcm");
        long frameBytes = writeRepeated(file, one, 1);
        writeRepeated(file, many, options.frames());
        v.put("frameBytes", frameBytes);
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("1", Files.size(one));
        sizes.put(Integer.toString(options.frames()), Files.size(many));
        v.put("fileBytes", sizes);
        Object attest = timeAttest(one, many);
        v.put("attest", attest);
        long decodedBytes = d.nativeFrameBytes();
        Map<String, Object> dcmtk = timeTool(dcmtkCommand(ts), one, many, dir, decodedBytes);
        Map<String, Object> gdcm = timeTool(gdcmCommand(), one, many, dir, decodedBytes);
        addRatios(attest, dcmtk);
        addRatios(attest, gdcm);
        v.put("dcmtk", dcmtk);
        v.put("gdcm", gdcm);
        return v;
    }

    static String codec(TransferSyntax ts) {
        String uid = ts.uid();
        if (!ts.encapsulated()) {
            return "native";
        }
        if (uid.equals("1.2.840.10008.1.2.5")) {
            return "rle";
        }
        if (JPEG_LS.contains(uid)) {
            return "jpeg-ls";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.9")) {
            return "jpeg2000";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.5") || uid.equals("1.2.840.10008.1.2.4.70")) {
            return JPEG_LOSSLESS.contains(uid) ? "jpeg-lossless" : "jpeg";
        }
        return "other";
    }

    // ---- the files -----------------------------------------------------------------------------

    /**
     * Writes {@code source}'s pixel data {@code copies} times into {@code target} in the source's
     * transfer syntax; compressed frames are passed through with a Basic Offset Table.
     *
     * @return the bytes of one encoded frame
     */
    static long writeRepeated(Path source, Path target, int copies) throws IOException {
        DicomFile f = DicomReader.read(source);
        TransferSyntax ts = f.transferSyntax();
        DicomElement pixels = f.pixelData().orElseThrow(() -> new DicomException(f.source(), "no Pixel Data"));
        PixelDescription d = PixelDescription.of(f);
        if (d.numberOfFrames() != 1) {
            throw new DicomException(f.source(), "the benchmark repeats a single frame, but the file has " + d.numberOfFrames());
        }
        f.dataset().setString(Tag.NumberOfFrames, Vr.IS, Integer.toString(copies));
        long frameBytes;
        switch (pixels) {
            case DicomElement.Encapsulated enc -> {
                FrameIndex index = FrameIndex.of(f.source(), enc, f.dataset(), 1);
                List<ByteBuffer> frame = index.fragments(0);
                long itemBytes = 0;
                frameBytes = 0;
                for (ByteBuffer fragment : frame) {
                    int length = fragment.remaining();
                    itemBytes += 8 + length + (length & 1);
                    frameBytes += length;
                }
                ByteBuffer offsets = ByteBuffer.allocate(4 * copies).order(ByteOrder.LITTLE_ENDIAN);
                List<ByteBuffer> fragments = new ArrayList<>();
                long[] positions = new long[copies * frame.size()];
                long at = 0;
                for (int c = 0; c < copies; c++) {
                    offsets.putInt((int) (c * itemBytes));
                    for (ByteBuffer fragment : frame) {
                        positions[fragments.size()] = at;
                        fragments.add(fragment.duplicate());
                        at += 8 + fragment.remaining() + (fragment.remaining() & 1);
                    }
                }
                offsets.flip();
                f.dataset().put(new DicomElement.Encapsulated(enc.tag(), enc.vr(), offsets, List.copyOf(fragments), positions));
            }
            case DicomElement.Bulk bulk -> {
                int one = (int) d.nativeFrameBytes();
                byte[] all = new byte[Math.multiplyExact(one, copies)];
                for (int c = 0; c < copies; c++) {
                    bulk.data().duplicate().get(all, c * one, one);
                }
                frameBytes = one;
                f.dataset().put(new DicomElement.Bulk(bulk.tag(), bulk.vr(), ByteBuffer.wrap(all), all.length));
            }
            default -> throw new DicomException(f.source(), "Pixel Data was read as a value, not as pixel data");
        }
        DicomWriter.write(target, f.dataset(), ts);
        return frameBytes;
    }

    // ---- Attest ----------------------------------------------------------------------------------

    /** Attest's figures for one variant, or "unsupported" when no codec decodes its syntax. */
    private Object timeAttest(Path one, Path many) throws IOException {
        PixelDecoder decoder;
        try {
            decoder = PixelDecoder.open(DicomReader.read(one), FrameCache.disabled());
        } catch (UnsupportedTransferSyntaxException e) {
            return "unsupported";
        }
        Object dest = decoder.description().dtype().allocate(decoder.description().samplesPerFrame());
        long warmUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        for (int i = 0; i < Math.max(10, options.decodes() / 2) || System.nanoTime() < warmUntil; i++) {
            decoder.decodeInto(0, dest, 0);
        }
        double[] ms = new double[options.decodes()];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            decoder.decodeInto(0, dest, 0);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("perFrameMs", round3(Median.of(ms)));
        a.put("minMs", round3(Arrays.stream(ms).min().orElse(Double.NaN)));
        if (many != null) {
            sequential(one);
            sequential(many);
            parallel(many);
            double[] t1 = new double[options.toolRuns()];
            double[] tn = new double[options.toolRuns()];
            double[] tp = new double[options.toolRuns()];
            for (int r = 0; r < options.toolRuns(); r++) {
                t1[r] = sequential(one);
                tn[r] = sequential(many);
                tp[r] = parallel(many);
            }
            a.put("nFramePerFrameMs", round3(perFrame(t1, tn)));
            a.put("nFrameParallelPerFrameMs", round3(perFrame(t1, tp)));
            a.put("t1MedianMs", round3(Median.of(t1)));
            a.put("tNMedianMs", round3(Median.of(tn)));
        }
        return a;
    }

    /** Reads, opens and decodes every frame of {@code file} one after the other in this thread; milliseconds. */
    private static double sequential(Path file) throws IOException {
        long t0 = System.nanoTime();
        PixelDecoder decoder = PixelDecoder.open(DicomReader.read(file), FrameCache.disabled());
        Object dest = decoder.description().dtype().allocate(decoder.description().samplesPerFrame());
        for (int f = 0; f < decoder.frameCount(); f++) {
            decoder.decodeInto(f, dest, 0);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Reads, opens and decodes all frames of {@code file} with {@link PixelDecoder#decodeAll()} (in parallel); milliseconds. */
    private static double parallel(Path file) throws IOException {
        long t0 = System.nanoTime();
        PixelDecoder.open(DicomReader.read(file), FrameCache.disabled()).decodeAll();
        return (System.nanoTime() - t0) / 1e6;
    }

    private double perFrame(double[] t1, double[] tn) {
        return (Median.of(tn) - Median.of(t1)) / (options.frames() - 1);
    }

    // ---- the C++ tools ---------------------------------------------------------------------------

    /** A tool and the arguments before the input and output paths. */
    private record Command(String label, Path executable, String name, List<String> args) {
    }

    private Command dcmtkCommand(TransferSyntax ts) {
        return switch (codec(ts)) {
            case "jpeg", "jpeg-lossless" -> new Command("dcmtk", dcmtk("dcmdjpeg"), "dcmdjpeg", List.of());
            case "jpeg-ls" -> new Command("dcmtk", dcmtk("dcmdjpls"), "dcmdjpls", List.of());
            case "rle" -> new Command("dcmtk", dcmtk("dcmdrle"), "dcmdrle", List.of());
            // DCMTK's free toolkit has no JPEG 2000 codec; dcmj2pnm is tried so the report says so from the tool itself.
            case "jpeg2000" -> new Command("dcmtk", dcmtk("dcmj2pnm"), "dcmj2pnm", List.of());
            default -> new Command("dcmtk", dcmtk("dcmconv"), "dcmconv +te", List.of("+te"));
        };
    }

    private Command gdcmCommand() {
        return new Command("gdcm", executable(options.gdcmconv()), "gdcmconv --raw", List.of("--raw"));
    }

    private Path dcmtk(String tool) {
        return options.dcmtkDir() != null ? executable(options.dcmtkDir().resolve(tool).toString()) : executable(tool);
    }

    /** The executable for a path or a bare name looked up on PATH; null when there is none. */
    static Path executable(String nameOrPath) {
        if (nameOrPath.contains(File.separator)) {
            Path p = Path.of(nameOrPath);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, nameOrPath);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, Object> toolVersion(Path exe) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (exe == null) {
            m.put("status", "missing");
            return m;
        }
        m.put("status", "found");
        try {
            Process p = new ProcessBuilder(exe.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            m.put("version", out.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(""));
        } catch (IOException | InterruptedException e) {
            m.put("version", "unknown: " + e.getMessage());
        }
        return m;
    }

    /**
     * Times a tool on the 1-frame and N-frame files: a checked run of each first (the output must
     * be uncompressed and hold every decoded frame), then alternating timed runs.
     */
    private Map<String, Object> timeTool(Command cmd, Path one, Path many, Path dir, long decodedFrameBytes)
            throws IOException, InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", cmd.name());
        if (cmd.executable() == null) {
            m.put("status", "missing");
            return m;
        }
        Path out = dir.resolve(cmd.label() + "-out.dcm");
        Path err = out.resolveSibling(out.getFileName() + ".err");
        double[] t1 = new double[options.toolRuns()];
        double[] tn = new double[options.toolRuns()];
        try {
            String problem = checkedRun(cmd, one, out, decodedFrameBytes);
            if (problem == null) {
                problem = checkedRun(cmd, many, out, decodedFrameBytes * options.frames());
            }
            if (problem != null) {
                m.put("status", "failed");
                m.put("error", problem);
                return m;
            }
            for (int r = 0; r < options.toolRuns(); r++) {
                t1[r] = timedRun(cmd, one, out);
                tn[r] = timedRun(cmd, many, out);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
        m.put("status", "ok");
        m.put("perFrameMs", round3(perFrame(t1, tn)));
        m.put("t1MedianMs", round3(Median.of(t1)));
        m.put("tNMedianMs", round3(Median.of(tn)));
        return m;
    }

    /** Runs once and checks the output; returns what went wrong, or null. */
    private static String checkedRun(Command cmd, Path in, Path out, long expectedPixelBytes) throws IOException, InterruptedException {
        Files.deleteIfExists(out);
        Path err = out.resolveSibling(out.getFileName() + ".err");
        Process p = start(cmd, in, out, err);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "did not finish within 5 minutes";
        }
        String stderr = Files.readString(err, StandardCharsets.ISO_8859_1);
        if (p.exitValue() != 0) {
            return "exit " + p.exitValue() + ": " + firstError(stderr);
        }
        if (!Files.isRegularFile(out)) {
            return "wrote no output";
        }
        try {
            DicomFile decoded = DicomReader.read(out);
            DicomElement px = decoded.pixelData().orElse(null);
            if (decoded.transferSyntax().encapsulated() || !(px instanceof DicomElement.Bulk bulk)) {
                return "its output is still compressed (" + decoded.transferSyntax() + ")";
            }
            if (bulk.data().remaining() < expectedPixelBytes) {
                return "its output holds " + bulk.data().remaining() + " bytes of pixel data, not " + expectedPixelBytes;
            }
        } catch (DicomException e) {
            return "its output cannot be read: " + e.getMessage();
        }
        return null;
    }

    private static double timedRun(Command cmd, Path in, Path out) throws IOException, InterruptedException {
        Path err = out.resolveSibling(out.getFileName() + ".err");
        long t0 = System.nanoTime();
        Process p = start(cmd, in, out, err);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(cmd.name() + " failed on " + in + " after a successful check run");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static Process start(Command cmd, Path in, Path out, Path err) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(cmd.executable().toString());
        argv.addAll(cmd.args());
        argv.add(in.toString());
        argv.add(out.toString());
        return new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }

    /** The first line that reads as an error (DCMTK prefixes them "E: "), else the first line. */
    private static String firstError(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.startsWith("E:") || l.toLowerCase(java.util.Locale.ROOT).contains("error"))
                .findFirst().orElse(lines.isEmpty() ? "(no message)" : lines.get(0));
    }

    private static void addRatios(Object attest, Map<String, Object> tool) {
        if (!(attest instanceof Map<?, ?> a) || !(tool.get("perFrameMs") instanceof Double toolMs) || toolMs <= 0) {
            return;
        }
        tool.put("ratioAttestToTool", round2((Double) a.get("perFrameMs") / toolMs));
        if (a.get("nFramePerFrameMs") instanceof Double likeForLike) {
            tool.put("ratioAttestToToolLikeForLike", round2(likeForLike / toolMs));
        }
    }

    // ---- summary and targets ---------------------------------------------------------------------

    /** One row per variant: Attest and the tools' per-frame times and the ratios. */
    private static List<Map<String, Object>> summary(List<Map<String, Object>> variants) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> v : variants) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("transferSyntax", v.get("transferSyntax"));
            row.put("codec", v.get("codec"));
            row.put("attestMs", v.get("attest") instanceof Map<?, ?> a ? a.get("perFrameMs") : v.get("attest"));
            for (String tool : List.of("dcmtk", "gdcm")) {
                Map<?, ?> t = (Map<?, ?>) v.get(tool);
                row.put(tool + "Ms", t.containsKey("perFrameMs") ? t.get("perFrameMs") : t.get("status"));
                row.put("ratioTo" + Character.toUpperCase(tool.charAt(0)) + tool.substring(1), t.get("ratioAttestToTool"));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The targets: within 2x of the faster C++ decoder for JPEG lossless and for JPEG-LS. */
    private static Map<String, Object> targets(List<Map<String, Object>> variants) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("jpegLossless", target(variants, JPEG_LOSSLESS));
        t.put("jpegLs", target(variants, JPEG_LS));
        return t;
    }

    private static Map<String, Object> target(List<Map<String, Object>> variants, Set<String> syntaxes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal", "Attest per-frame decode time within " + TARGET_RATIO + "x of the faster C++ decoder (DCMTK or GDCM)");
        m.put("transferSyntaxes", syntaxes.stream().sorted().toList());
        List<String> why = new ArrayList<>();
        double worst = 0;
        double worstLikeForLike = 0;
        int measured = 0;
        for (Map<String, Object> v : variants) {
            if (!syntaxes.contains((String) v.get("transferSyntax"))) {
                continue;
            }
            String uid = (String) v.get("transferSyntax");
            if (!(v.get("attest") instanceof Map<?, ?> a)) {
                why.add("Attest cannot decode " + uid + " yet");
                continue;
            }
            Double best = null;
            for (String tool : List.of("dcmtk", "gdcm")) {
                if (((Map<?, ?>) v.get(tool)).get("perFrameMs") instanceof Double ms && ms > 0) {
                    best = best == null ? ms : Math.min(best, ms);
                }
            }
            if (best == null) {
                why.add("no C++ decoder measured for " + uid);
                continue;
            }
            measured++;
            worst = Math.max(worst, (Double) a.get("perFrameMs") / best);
            if (a.get("nFramePerFrameMs") instanceof Double lfl) {
                worstLikeForLike = Math.max(worstLikeForLike, lfl / best);
            }
        }
        boolean attestMissing = why.stream().anyMatch(w -> w.startsWith("Attest cannot"));
        if (measured == 0 && why.isEmpty()) {
            why.add("not benchmarked in this run");
        }
        m.put("worstRatio", measured > 0 ? round2(worst) : null);
        m.put("worstRatioLikeForLike", measured > 0 ? round2(worstLikeForLike) : null);
        // Not decoding a syntax at all misses the target; a missing C++ figure leaves it unknown.
        Boolean met = attestMissing ? Boolean.FALSE : why.isEmpty() ? (Boolean) (worst <= TARGET_RATIO) : null;
        m.put("met", met);
        m.put("metLikeForLike", attestMissing ? Boolean.FALSE : why.isEmpty() ? (Boolean) (worstLikeForLike <= TARGET_RATIO) : null);
        if (!why.isEmpty()) {
            m.put("why", why);
        }
        return m;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void progress(String line) {
        if (options.progress() != null) {
            options.progress().println(line);
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
