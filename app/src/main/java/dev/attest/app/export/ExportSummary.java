package dev.attest.app.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote, for the caller (the command line prints it, the GUI shows it).
 *
 * @param folder            the set folder
 * @param zip               the zip, or null when none was asked for
 * @param cases             cases in the set
 * @param casesWithoutImage cases whose image could not be read (exported without images/ entry)
 * @param claims            claims
 * @param scores            current scores (rows of scores.jsonl)
 * @param reviewers         reviewers
 * @param files             files listed in croissant.json
 * @param bytes             their total size
 * @param textsScanned      free-text values checked for identifiers
 * @param redactions        of them, values that had identifiers taken out
 * @param dicomWritten      de-identified DICOM files written (with --dicom)
 * @param dicomNotWritten   DICOM files left out: excluded, refused for burned-in annotation, or failed
 * @param warnings          what the user should look at; workstation only (they can name paths)
 */
public record ExportSummary(Path folder, Path zip, int cases, int casesWithoutImage, int claims, int scores,
                            int reviewers, int files, long bytes, long textsScanned, int redactions, long dicomWritten,
                            long dicomNotWritten, List<String> warnings) {
    public ExportSummary {
        warnings = List.copyOf(warnings);
    }
}
