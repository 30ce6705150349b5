package dev.attest.app.export;

import dev.attest.app.export.objects.CaseObjects;
import dev.attest.app.export.objects.CaseObjectsInput;
import dev.attest.app.export.objects.CaseObjectsWriter;
import dev.attest.app.export.objects.CocoMerge;
import dev.attest.app.export.objects.ObjectKind;
import dev.attest.app.export.objects.RecordNames;
import dev.attest.dicom.write.Equipment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The standard-objects stage of an export (docs/export-objects.md): per case COCO, RadFact, a DICOM SEG of each
 * label map and the TID 1500 SR of the verdicts, named by the set's ids and pseudonyms and with UIDs from the same
 * keyed map as the de-identified images; at the end all cases' COCO joined into labels/coco.json. Every file is
 * registered for croissant.json; what a case has nothing for is counted by reason for the datasheet.
 */
final class SetObjects {
    static final String COCO_ALL = SetLayout.LABELS + "/coco.json";

    private final LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    private final Equipment equipment = Equipment.attest("Attest workstation", SetMetrics.attestVersion(), "export");
    private final List<Path> cocoFiles = new ArrayList<>();
    private final Map<ObjectKind, Integer> written = new EnumMap<>(ObjectKind.class);
    private final Map<String, Integer> skipped = new TreeMap<>();

    /**
     * Writes one case's objects; a case without a readable image gets none (its boxes have no grid), which the
     * datasheet counts. Skips inside a case are returned to the user as warnings, by set ids only.
     */
    void writeCase(CaseExportContext c, List<String> warnings) throws IOException {
        if (c.image() == null || c.imageFile() == null) {
            skipped.merge("no object: the case's image could not be read", 1, Integer::sum);
            return;
        }
        ExportIds ids = c.ids();
        RecordNames names = new RecordNames(ids::claimId, ids::evidenceId, ids::correctionId, ids::missedId);
        CaseObjectsInput in = new CaseObjectsInput(c.store(), c.reviewCase(), c.caseId(), ids.readers(),
                c.image().volume().grid(), c.imageFile(), Optional.ofNullable(c.image().stack()), c.uids()::remap,
                c.text()::cleanAgain, equipment, created, names);
        CaseObjects objects = CaseObjectsWriter.write(in, c.labels(), c.sr());
        for (CaseObjects.Written w : objects.written()) {
            String rel = c.files().root().relativize(w.file()).toString().replace('\\', '/');
            c.files().register(rel, describe(w.kind(), c.caseId()));
            written.merge(w.kind(), 1, Integer::sum);
            if (w.kind() == ObjectKind.COCO) {
                cocoFiles.add(w.file());
            }
        }
        for (CaseObjects.Skipped s : objects.skipped()) {
            skipped.merge(s.kind() + " " + s.reason().meaning(), 1, Integer::sum);
            warnings.add(c.caseId() + ": " + s.describe());
        }
    }

    /** Joins the cases' COCO files into labels/coco.json (when any case had boxes) and registers it. */
    void finish(SetFiles files, String setName) throws IOException {
        if (cocoFiles.isEmpty()) {
            return;
        }
        CocoMerge.merge(cocoFiles, files.resolve(COCO_ALL), setName,
                created.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
        files.register(COCO_ALL, "every case's boxes and mask slices in one COCO file (one image per annotated slice)");
    }

    /** Files written per kind (the merged COCO not counted). */
    Map<ObjectKind, Integer> written() {
        return Map.copyOf(written);
    }

    /** "SEG the case has no claims" → cases, for the datasheet. */
    Map<String, Integer> skipped() {
        return Map.copyOf(skipped);
    }

    private static String describe(ObjectKind kind, String caseId) {
        return switch (kind) {
            case COCO -> "boxes and mask slices of " + caseId + ", COCO object detection (one image per slice)";
            case RADFACT -> "the model's and the reviewed report of " + caseId + " with boxes, RadFact grounded reporting";
            case SEG -> "a label map of " + caseId + " as a DICOM Segmentation";
            case SR -> "the reviewers' verdicts on " + caseId + "'s claims, DICOM SR TID 1500 referring to the SEG";
        };
    }
}
