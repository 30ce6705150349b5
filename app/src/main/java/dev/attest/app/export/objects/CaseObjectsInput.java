package dev.attest.app.export.objects;

import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.write.Equipment;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Everything {@link CaseObjectsWriter} needs for one case, as plain values: the exporter decides names, UIDs and
 * text cleaning; this package only applies them.
 *
 * @param store              the project (read only)
 * @param reviewCase         the case to write
 * @param casePseudonym      the case's name in the export and in the objects' Patient's Name and ID, e.g.
 *                           "case-0001"; letters, digits, '.', '_' and '-' only, since it also names the files
 * @param reviewerPseudonyms reviewer id → name in the export (e.g. "reader-1"), for every reviewer who scored,
 *                           corrected or judged anything in the case; real names are never written
 * @param imageGrid          the grid of the case image as exported: boxes' voxel indices refer to it
 * @param imageFile          where the case image lies in the benchmark set, relative to its root with forward
 *                           slashes (e.g. "images/case-0001.nii.gz"): COCO's file_name and RadFact's image
 * @param dicomSource        the case's original DICOM series as opened (its stack), or empty for a NIfTI case
 * @param uidRemap           original UID → exported UID, the export's keyed map (e.g. {@code UidMap::remap});
 *                           also derives the new objects' UIDs from names, so they are the same on every export
 * @param textScrubber       cleans free text before it is written (claim text, revisions, missed findings), e.g.
 *                           {@code FreeTextScrubber.forDataset(header)::scrub}
 * @param equipment          the software written as the objects' equipment
 * @param created            the creation date and time written into the DICOM objects (the export's time)
 * @param names              how the files name claims, evidence, corrections and missed findings (the set's ids in
 *                           a benchmark set, {@link RecordNames#PROJECT_IDS} otherwise)
 */
public record CaseObjectsInput(ProjectStore store, ReviewCase reviewCase, String casePseudonym,
                               Map<Long, String> reviewerPseudonyms, ImageGrid imageGrid, String imageFile,
                               Optional<StackGeometry> dicomSource, UnaryOperator<String> uidRemap,
                               UnaryOperator<String> textScrubber, Equipment equipment, LocalDateTime created,
                               RecordNames names) {

    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A person name the SR can carry as one PN component: no component or value delimiters, no control characters. */
    private static final Pattern PERSON_NAME = Pattern.compile("[^\\\\^=\\p{Cntrl}]{1,64}");

    public CaseObjectsInput {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(reviewCase, "reviewCase");
        Objects.requireNonNull(imageGrid, "imageGrid");
        Objects.requireNonNull(dicomSource, "dicomSource");
        Objects.requireNonNull(uidRemap, "uidRemap");
        Objects.requireNonNull(textScrubber, "textScrubber");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(names, "names");
        if (casePseudonym == null || !FILE_SAFE.matcher(casePseudonym).matches()) {
            throw new IllegalArgumentException("a case pseudonym must be 1 to 64 letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit, got '" + casePseudonym + "'");
        }
        reviewerPseudonyms = Map.copyOf(reviewerPseudonyms);
        reviewerPseudonyms.forEach((id, name) -> {
            if (!PERSON_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("the pseudonym of reviewer " + id + " must be 1 to 64 characters"
                        + " without '\\', '^', '=' or control characters, got '" + name + "'");
            }
        });
        if (imageFile == null || imageFile.isBlank() || imageFile.startsWith("/") || imageFile.contains("\\")
                || imageFile.contains("..")) {
            throw new IllegalArgumentException("the image file must be a relative path with forward slashes inside the"
                    + " benchmark set, got '" + imageFile + "'");
        }
    }

    /** Objects named by the project's ids ({@link RecordNames#PROJECT_IDS}). */
    public CaseObjectsInput(ProjectStore store, ReviewCase reviewCase, String casePseudonym,
                            Map<Long, String> reviewerPseudonyms, ImageGrid imageGrid, String imageFile,
                            Optional<StackGeometry> dicomSource, UnaryOperator<String> uidRemap,
                            UnaryOperator<String> textScrubber, Equipment equipment, LocalDateTime created) {
        this(store, reviewCase, casePseudonym, reviewerPseudonyms, imageGrid, imageFile, dicomSource, uidRemap,
                textScrubber, equipment, created, RecordNames.PROJECT_IDS);
    }

    /** The reviewer's pseudonym; a reviewer the exporter gave none is an error naming the reviewer's id only. */
    String pseudonymOf(long reviewerId) {
        String name = reviewerPseudonyms.get(reviewerId);
        if (name == null) {
            throw new IllegalArgumentException("reviewer " + reviewerId + " has work in case " + casePseudonym
                    + " but no pseudonym was given for them");
        }
        return name;
    }
}
