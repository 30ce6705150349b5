package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the standard objects of one case of a benchmark set: {@code labels/<case>.coco.json} (boxes, COCO),
 * {@code labels/<case>.radfact.json} (claims with boxes, RadFact), {@code labels/<case>-seg<n>.dcm} (each label map
 * as a DICOM Segmentation) and {@code sr/<case>-sr.dcm} (the reviewers' verdicts, TID 1500, referring to the SEGs
 * and the source images). Everything comes from the project and the plain values of {@link CaseObjectsInput};
 * reviewers appear only by pseudonym, and UIDs only as the export's map gives them. An object the case has nothing
 * for, or a record that cannot be placed, is listed in {@link CaseObjects#skipped()} with its reason instead of
 * failing the case. docs/export-objects.md describes the files.
 */
public final class CaseObjectsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseObjectsWriter() {
    }

    /**
     * Writes the case's objects.
     *
     * @param labelsDir the benchmark set's {@code labels/} folder (created if missing)
     * @param srDir     its {@code sr/} folder (created if missing)
     * @throws IOException when a file cannot be written (the files already written stay)
     */
    public static CaseObjects write(CaseObjectsInput in, Path labelsDir, Path srDir) throws IOException {
        Files.createDirectories(labelsDir);
        Files.createDirectories(srDir);
        CaseRecords records = CaseRecords.read(in.store(), in.reviewCase().id());
        CaseGeometry geometry = CaseGeometry.collect(records, in);
        List<CaseObjects.Written> written = new ArrayList<>();
        List<CaseObjects.Skipped> skipped = new ArrayList<>(geometry.skipped);

        Optional<ObjectNode> coco = CocoCase.build(in, records, geometry);
        if (coco.isPresent()) {
            written.add(json(ObjectKind.COCO, labelsDir.resolve(in.casePseudonym() + ".coco.json"), coco.get(), false));
        } else {
            skipped.add(new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.NO_BOXES, ""));
        }
        Optional<ArrayNode> radFact = RadFactReport.build(in, records, geometry);
        if (radFact.isPresent()) {
            written.add(json(ObjectKind.RADFACT, labelsDir.resolve(in.casePseudonym() + ".radfact.json"), radFact.get(), true));
        } else {
            skipped.add(new CaseObjects.Skipped(ObjectKind.RADFACT, SkipReason.NO_CLAIMS, ""));
        }

        ExportUids uids = new ExportUids(in.uidRemap(), in.reviewCase().id());
        ExportStudy study = ExportStudy.of(in, uids);
        List<SegExport.Seg> segs = SegExport.write(in, records, geometry, study, uids, labelsDir, skipped);
        segs.forEach(s -> written.add(new CaseObjects.Written(ObjectKind.SEG, s.file(), s.reference().sopInstanceUid())));
        boolean unreadable = skipped.stream().anyMatch(s -> s.reason() == SkipReason.UNREADABLE_LABEL_MAP);
        if (geometry.labelMaps.isEmpty() && !unreadable) {
            skipped.add(new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.NO_LABEL_MAP, ""));
        }
        if (records.claims().isEmpty()) {
            skipped.add(new CaseObjects.Skipped(ObjectKind.SR, SkipReason.NO_CLAIMS, ""));
        } else {
            written.add(SrExport.write(in, records, geometry, study, segs, uids, srDir));
        }
        return new CaseObjects(in.casePseudonym(), written, skipped);
    }

    private static CaseObjects.Written json(ObjectKind kind, Path file, JsonNode node, boolean indent) throws IOException {
        // COCO files of large label maps hold long run-length lists: kept compact; RadFact's are read by people too.
        (indent ? JSON.writer().with(SerializationFeature.INDENT_OUTPUT) : JSON.writer()).writeValue(file.toFile(), node);
        return new CaseObjects.Written(kind, file, "");
    }
}
