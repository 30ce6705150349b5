package dev.attest.dicom.deid;

import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * De-identifies every DICOM file under a folder into an output folder, one file at a time. A file
 * that cannot be read, is refused for burned-in annotation or fails in any other way is reported
 * and skipped; it never stops the rest. Output files are named by their new UIDs
 * ({@code <series UID>/<SOP instance UID>.dcm}) since input names and folders often carry
 * identifiers.
 */
public final class DeidBatch {
    /** Media Storage Directory Storage: a DICOMDIR indexes files by their original names and identities. */
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    /** What happened to one input file. */
    public enum Status { WRITTEN, EXCLUDED, REFUSED, FAILED }

    /**
     * One input file's outcome (workstation only: the source path and message may name the patient).
     *
     * @param source  the input file
     * @param status  what happened
     * @param output  the written file, or null
     * @param message why it was not written, or the warnings when it was
     */
    public record Outcome(Path source, Status status, Path output, String message) {
    }

    /**
     * @param outcomes one per input file, in path order
     * @param report   the export-level report for deid.json
     */
    public record Result(List<Outcome> outcomes, DeidReport report) {
        public long count(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    private DeidBatch() {
    }

    /**
     * @param contexts the context for each file, e.g. the pseudonym of its patient; called with the
     *                 original (read) file
     */
    public static Result run(Path inputDir, Path outputDir, Deidentifier deidentifier,
                             Function<DicomFile, DeidContext> contexts, DeidReport report) throws IOException {
        List<Path> inputs;
        try (Stream<Path> walk = Files.walk(inputDir)) {
            inputs = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<Outcome> outcomes = new ArrayList<>();
        Set<Path> written = new HashSet<>();
        for (Path in : inputs) {
            outcomes.add(one(in, outputDir, deidentifier, contexts, report, written));
        }
        return new Result(List.copyOf(outcomes), report);
    }

    private static Outcome one(Path in, Path outputDir, Deidentifier deidentifier, Function<DicomFile, DeidContext> contexts,
                               DeidReport report, Set<Path> written) {
        try {
            DicomFile file = DicomReader.read(in);
            if (file.sopClassUid().equals(MEDIA_STORAGE_DIRECTORY)) {
                report.addExcluded("media storage directory (DICOMDIR)");
                return new Outcome(in, Status.EXCLUDED, null, "a DICOMDIR is not exported: it indexes the original files");
            }
            DeidResult result = deidentifier.deidentify(file, contexts.apply(file));
            return switch (result) {
                case DeidResult.Excluded x -> {
                    report.addExcluded(x.reason());
                    yield new Outcome(in, Status.EXCLUDED, null, x.reason());
                }
                case DeidResult.Deidentified d -> {
                    String series = d.dataset().getString(Tag.SeriesInstanceUID, "");
                    String sop = d.dataset().getString(Tag.SOPInstanceUID, "");
                    if (sop.isEmpty()) {
                        throw new DicomException(in.toString(), "no SOP Instance UID, so the output file cannot be named");
                    }
                    Path out = outputDir.resolve(series.isEmpty() ? "no-series" : series).resolve(sop + ".dcm");
                    if (!written.add(out)) {
                        // Two inputs with one SOP Instance UID (a copy of a file): the second would overwrite the first.
                        throw new DicomException(in.toString(), "has the SOP Instance UID of an earlier input; not written twice");
                    }
                    DicomWriter.write(out, d.dataset(), d.transferSyntax());
                    report.addDeidentified(d.log());
                    yield new Outcome(in, Status.WRITTEN, out, String.join("; ", d.log().warnings()));
                }
            };
        } catch (BurnedInAnnotationException e) {
            report.addRefused();
            return new Outcome(in, Status.REFUSED, null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            report.addFailed();
            return new Outcome(in, Status.FAILED, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
