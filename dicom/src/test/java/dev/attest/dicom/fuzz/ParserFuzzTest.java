package dev.attest.dicom.fuzz;

import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.TestData;
import dev.attest.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded mutation fuzzer over the real corpus: every mutant must parse or fail with a typed
 * {@link DicomException}, never with another exception, never hang and never run out of memory.
 * Crashers found by longer runs ({@code -Dattest.fuzz.iterations=20000}) are kept in
 * {@code fuzz/regressions.txt} as "file seed" lines and replayed here.
 */
class ParserFuzzTest {
    private static final int DEFAULT_ITERATIONS = 150;
    private static final long MAX_FILE_BYTES = 64 * 1024;

    static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("dicom-codecs", "seg-sr")) {
            try (Stream<Path> walk = Files.walk(TestData.path(dir))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().matches(".*\\.(md|json|gz|nii)$"))
                        .filter(p -> p.toFile().length() <= MAX_FILE_BYTES)
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void mutatedCorpusFilesFailOnlyWithTypedErrors() throws Exception {
        int iterations = Integer.getInteger("attest.fuzz.iterations", DEFAULT_ITERATIONS);
        List<String> crashers = new ArrayList<>();
        List<Path> corpus = corpus();
        assertTrue(corpus.size() > 20, "corpus has " + corpus.size() + " files");
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        try {
            for (Path file : corpus) {
                byte[] original = Files.readAllBytes(file);
                String name = TestData.root().relativize(file).toString();
                for (int i = 0; i < iterations; i++) {
                    long seed = name.hashCode() * 1_000_003L + i;
                    byte[] mutant = Mutator.mutate(original, seed);
                    Future<String> result = worker.submit(() -> exercise(name, mutant, false));
                    String crash;
                    try {
                        crash = result.get(MUTANT_SECONDS, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        crash = "no result within " + MUTANT_SECONDS + " s (hang?)";
                        result.cancel(true);
                        worker.shutdownNow();
                        worker = Executors.newSingleThreadExecutor(daemon());
                    }
                    if (crash != null) {
                        crashers.add(name + " " + seed + "  # " + crash);
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertTrue(crashers.isEmpty(), "crashers (add to fuzz/regressions.txt):\n" + String.join("\n", crashers));
    }

    /** Parsing plus decoding a small file takes milliseconds; seconds means a loop that does not end. */
    private static final int MUTANT_SECONDS = 10;

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-mutant");
            t.setDaemon(true);
            return t;
        };
    }

    @Test
    void recordedCrashersStayFixed() throws Exception {
        List<String> lines = new ArrayList<>();
        try (var in = ParserFuzzTest.class.getResourceAsStream("/fuzz/regressions.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            byte[] original = Files.readAllBytes(TestData.path(parts[0]));
            String crash = exercise(parts[0], Mutator.mutate(original, Long.parseLong(parts[1])), true);
            if (crash != null) {
                failures.add(line + " -> " + crash);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(lines.size() >= 1, "the regression list is read");
    }

    /** Returns null when the mutant was handled properly, else a description of the crash. */
    static String exercise(String name, byte[] mutant, boolean decodeJpeg2000) {
        try {
            DicomReader.read(name, ByteBuffer.wrap(mutant), DicomReader.Options.LENIENT);
        } catch (DicomException expected) {
            // typed failure: fine (lenient only throws for what it cannot even start on)
        } catch (Throwable t) {
            return "lenient: " + t;
        }
        try {
            DicomFile f = DicomReader.read(name, ByteBuffer.wrap(mutant), DicomReader.Options.STRICT);
            FuzzTargets.decodeEverything(f, decodeJpeg2000);
        } catch (DicomException expected) {
            return null;
        } catch (Throwable t) {
            return t.toString();
        }
        return null;
    }
}
