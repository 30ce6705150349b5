package dev.attest.dicom.series;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.io.DicomReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds and parses the DICOM files under a path: a folder (recursively), a zip, a DICOMDIR, or a
 * single file. Headers are parsed in parallel; a file that is not DICOM is skipped quietly, a
 * DICOM file that is broken is reported and skipped, and neither stops the rest.
 */
public final class DicomScanner {
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    /** A file that could not be read, and why. */
    public record Problem(String source, String message) {
    }

    /**
     * @param files    parsed DICOM files, in path order
     * @param problems DICOM files that were broken
     * @param skipped  files that were not DICOM (or were directory objects), by path
     */
    public record Result(List<DicomFile> files, List<Problem> problems, List<String> skipped) {
    }

    private DicomScanner() {
    }

    public static Result scan(Path input) throws IOException {
        return scan(input, ProgressListener.NONE, new Cancellation());
    }

    public static Result scan(Path input, ProgressListener progress, Cancellation cancel) throws IOException {
        if (!Files.exists(input)) {
            throw new DicomException(input.toString(), "no such file or folder");
        }
        if (Files.isRegularFile(input) && isZip(input)) {
            return scanZip(input, progress, cancel);
        }
        List<Path> paths;
        if (Files.isDirectory(input)) {
            try (Stream<Path> walk = Files.walk(input)) {
                paths = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else if (isDicomDir(input)) {
            paths = DicomDirReader.referencedFiles(input);
        } else {
            paths = List.of(input);
        }
        return scanPaths(paths, progress, cancel);
    }

    private static Result scanPaths(List<Path> paths, ProgressListener progress, Cancellation cancel) {
        List<DicomFile> files = Collections.synchronizedList(new ArrayList<>());
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        paths.parallelStream().forEach(path -> {
            cancel.throwIfCancelled();
            try {
                if (!looksLikeDicom(path)) {
                    skipped.add(path.toString());
                } else {
                    accept(DicomReader.read(path), files, skipped);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(path.toString(), message(e)));
            }
            progress.progress(done.incrementAndGet(), paths.size(), "reading headers");
        });
        return sorted(files, problems, skipped);
    }

    private static Result scanZip(Path zip, ProgressListener progress, Cancellation cancel) throws IOException {
        List<DicomFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = zf.stream().filter(e -> !e.isDirectory()).toList();
            long done = 0;
            for (ZipEntry entry : entries) {
                cancel.throwIfCancelled();
                String name = zip + "!/" + entry.getName();
                try (InputStream in = zf.getInputStream(entry)) {
                    // Entry sizes come from the archive and can lie: read what is there, bounded by Java's array limit.
                    byte[] bytes = in.readNBytes(Integer.MAX_VALUE - 16);
                    if (!looksLikeDicom(ByteBuffer.wrap(bytes))) {
                        skipped.add(name);
                    } else {
                        accept(DicomReader.read(name, ByteBuffer.wrap(bytes), DicomReader.Options.STRICT), files, skipped);
                    }
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(name, message(e)));
                }
                progress.progress(++done, entries.size(), "reading headers");
            }
        }
        return sorted(files, problems, skipped);
    }

    private static void accept(DicomFile file, List<DicomFile> files, List<String> skipped) {
        if (MEDIA_STORAGE_DIRECTORY.equals(file.sopClassUid())) {
            skipped.add(file.source()); // DICOMDIR-like directory objects hold no images
        } else {
            files.add(file);
        }
    }

    private static Result sorted(List<DicomFile> files, List<Problem> problems, List<String> skipped) {
        List<DicomFile> f = new ArrayList<>(files);
        f.sort((a, b) -> a.source().compareTo(b.source()));
        List<Problem> p = new ArrayList<>(problems);
        p.sort((a, b) -> a.source().compareTo(b.source()));
        List<String> s = new ArrayList<>(skipped);
        Collections.sort(s);
        return new Result(List.copyOf(f), List.copyOf(p), List.copyOf(s));
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private static boolean isDicomDir(Path path) {
        if (path.getFileName() != null && path.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
            return true;
        }
        try {
            DicomFile f = DicomReader.read(path);
            return MEDIA_STORAGE_DIRECTORY.equals(f.sopClassUid())
                    && !f.dataset().getSequence(Tag.DirectoryRecordSequence).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Cheap test on the first bytes: "DICM" at 128, or a plausible first element of a bare data set. */
    static boolean looksLikeDicom(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), 132));
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill
            }
            head.flip();
            return looksLikeDicom(head);
        }
    }

    static boolean looksLikeDicom(ByteBuffer head) {
        int n = head.remaining();
        if (n >= 132 && head.get(128) == 'D' && head.get(129) == 'I' && head.get(130) == 'C' && head.get(131) == 'M') {
            return true;
        }
        if (n < 8) {
            return false;
        }
        int groupLe = (head.get(0) & 0xFF) | (head.get(1) & 0xFF) << 8;
        int groupBe = (head.get(1) & 0xFF) | (head.get(0) & 0xFF) << 8;
        int group = Math.min(groupLe, groupBe);
        // Bare data sets start with a low even group (0002, 0008, 0010 ...); text and other formats rarely do.
        return group >= 2 && group <= 0x0028 && group % 2 == 0;
    }

    /** Used by {@link DicomDirReader}; exposed for tests of DICOMDIR records. */
    static DicomDataset readDataset(Path path) throws IOException {
        return DicomReader.read(path).dataset();
    }
}
