package dev.attest.app.export;

import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.OpenedImage;
import dev.attest.dicom.deid.Deidentifier;
import dev.attest.dicom.deid.UidMap;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a per-case export stage gets: the project and the original case record to read from, and everything that
 * keeps its output consistent with the rest of the set (pseudonyms, the UID map shared with the de-identified
 * DICOM, the case's free-text redactor, where label maps went) and the registry its files must be entered in so
 * that croissant.json lists them with their sha256.
 *
 * @param store         the project (read only)
 * @param reviewCase    the case as the project stores it (ids are project ids; never write them into the set)
 * @param caseId        the case's pseudonym in the set ("case-0001"): Patient's Name and ID of derived DICOM
 * @param image         the case's image as read for the export (its stack holds the DICOM headers), or null
 * @param imageFile     where that image lies in the set ("images/case-0001.nii.gz"), or null
 * @param ids           set identifiers of runs, claims, evidence and reviewers ("reader-1")
 * @param uids          the export's UID map: every UID written into the set goes through it
 * @param deidentifier  the export's de-identifier (same options and UID map as images/dicom/)
 * @param text          the case's free-text redactor (claim text, notes)
 * @param artifactFiles project artifact path → its file in the set (labels/..., maps/...)
 * @param labels        the set's labels/ folder (for DICOM SEG, COCO)
 * @param sr            the set's sr/ folder (for DICOM SR)
 * @param files         the set's file registry: register every file written, once it is complete
 */
public record CaseExportContext(ProjectStore store, ReviewCase reviewCase, String caseId, OpenedImage image, String imageFile,
                                ExportIds ids, UidMap uids, Deidentifier deidentifier, TextRedactor text,
                                Map<String, String> artifactFiles, Path labels, Path sr, SetFiles files) {
}
