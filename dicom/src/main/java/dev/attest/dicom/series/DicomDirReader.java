package dev.attest.dicom.series;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Lists the files a DICOMDIR (PS3.10 media directory) refers to. */
public final class DicomDirReader {
    private DicomDirReader() {
    }

    /**
     * Paths of every record's Referenced File ID, resolved against the DICOMDIR's folder. File
     * IDs are written in upper case on ISO 9660 media but the files are often lower case on
     * disk, so a missing path is retried case-insensitively before it is dropped.
     */
    public static List<Path> referencedFiles(Path dicomDir) throws IOException {
        DicomDataset ds = DicomScanner.readDataset(dicomDir);
        List<DicomDataset> records = ds.getSequence(Tag.DirectoryRecordSequence);
        if (records.isEmpty()) {
            throw new DicomException(dicomDir.toString(), "DICOMDIR has no Directory Record Sequence (0004,1220)");
        }
        Path base = dicomDir.toAbsolutePath().getParent();
        Set<Path> out = new LinkedHashSet<>();
        for (DicomDataset record : records) {
            String[] parts = record.getStrings(Tag.ReferencedFileID);
            if (parts == null || parts.length == 0) {
                continue;
            }
            Path p = resolve(base, parts, 0);
            // A directory copied without its top folders (the Philips DIRFILE in the test data names
            // S21570\S2010\I230 but sits beside I230): try ever shorter tails of the File ID.
            for (int skip = 1; !Files.isRegularFile(p) && skip < parts.length; skip++) {
                p = resolve(base, parts, skip);
            }
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    private static Path resolve(Path base, String[] parts, int skip) throws IOException {
        Path p = base;
        for (int i = skip; i < parts.length; i++) {
            p = resolveIgnoringCase(p, parts[i]);
        }
        return p;
    }

    private static Path resolveIgnoringCase(Path dir, String name) throws IOException {
        Path exact = dir.resolve(name);
        if (Files.exists(exact) || !Files.isDirectory(dir)) {
            return exact;
        }
        try (var list = Files.list(dir)) {
            return list.filter(c -> c.getFileName().toString().equalsIgnoreCase(name)).findFirst().orElse(exact);
        }
    }
}
