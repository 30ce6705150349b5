package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.annotation.model.Claim;
import dev.attest.core.geometry.ImageGrid;

import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * A case's boxes as a COCO object-detection file. COCO is 2D, the case is a volume, so each slice of the volume
 * (the grid's third index k, axial for an axial scan) that a box touches is one COCO image: its file_name is the
 * case's NIfTI image, its width and height the slice's, and {@code attest.slice_index} says which slice. Boxes
 * are in pixels with x along the grid's first index and y along its second, COCO's [x, y, width, height] from
 * pixel edges (a box of voxels i0..i1 starts at x = i0 and is i1 - i0 + 1 wide).
 *
 * <p>Annotations: a 3D box (the model's box evidence, a reviewer's corrected box) gives one annotation on every
 * slice it spans, all with the same rectangle; a claim's mask gives one annotation per slice where its label has
 * voxels, with that slice's bounding box, its pixel count as area, and the mask itself as uncompressed RLE, so
 * segmentation-only projects still have COCO boxes and masks. Image ids are slice + 1; annotation ids count from 1.
 */
final class CocoCase {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final CaseObjectsInput in;
    private final CaseGeometry geometry;
    private final CocoCategories categories = new CocoCategories();
    private final ArrayNode annotations = F.arrayNode();
    private final TreeSet<Integer> slices = new TreeSet<>();

    private CocoCase(CaseObjectsInput in, CaseGeometry geometry) {
        this.in = in;
        this.geometry = geometry;
    }

    /** The case's COCO file, or empty when it has no box, and no mask with a voxel. */
    static Optional<ObjectNode> build(CaseObjectsInput in, CaseRecords records, CaseGeometry geometry) {
        CocoCase coco = new CocoCase(in, geometry);
        ObjectNode doc = coco.document(records);
        return coco.annotations.isEmpty() ? Optional.empty() : Optional.of(doc);
    }

    private ObjectNode document(CaseRecords records) {
        registerCategories();
        for (Claim claim : records.claims()) {
            geometry.boxesOf(claim.id(), CaseGeometry.BoxSource.MODEL_BOX).forEach(this::addBox);
            geometry.masksOf(claim.id()).forEach(this::addMask);
        }
        geometry.boxes.stream().filter(b -> b.source() == CaseGeometry.BoxSource.REVIEWER_BOX).forEach(this::addBox);

        ObjectNode doc = F.objectNode();
        ObjectNode info = doc.putObject("info");
        info.put("description", "Boxes of case " + in.casePseudonym() + " of an Attest benchmark set");
        info.put("version", "1.0");
        info.put("date_created", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(in.created()));
        ObjectNode about = info.putObject("attest");
        about.put("slices", "one COCO image per slice of the volume (third voxel index) that a box touches;"
                + " attest.slice_index names it");
        about.put("axes", "x is the first voxel index, y the second, as in the case's NIfTI image");
        about.put("bbox", "[x, y, width, height] from pixel edges: voxels i0..i1 give x = i0, width = i1 - i0 + 1");
        doc.putArray("licenses");
        ImageGrid grid = in.imageGrid();
        ArrayNode images = doc.putArray("images");
        for (int k : slices) {
            ObjectNode image = images.addObject();
            image.put("id", k + 1);
            image.put("file_name", in.imageFile());
            image.put("width", grid.sizeX());
            image.put("height", grid.sizeY());
            ObjectNode a = image.putObject("attest");
            a.put("case", in.casePseudonym());
            a.put("slice_index", k);
            a.put("slice_count", grid.sizeZ());
        }
        doc.set("annotations", annotations);
        doc.set("categories", categories.toJson());
        return doc;
    }

    /** Labelled categories first, in label order, so a box without a label never takes a label's id. */
    private void registerCategories() {
        TreeSet<Integer> labels = new TreeSet<>();
        geometry.onGridMasks().forEach(m -> labels.add(m.label()));
        geometry.boxes.forEach(b -> b.label().ifPresent(labels::add));
        for (int label : labels) {
            categories.add(labelName(label), OptionalInt.of(label));
        }
    }

    private String labelName(int label) {
        for (LabelMap map : geometry.labelMaps.values()) {
            if (map.description(label).isPresent()) {
                return map.nameOf(label);
            }
        }
        return "label " + label;
    }

    private void addBox(CaseGeometry.LocatedBox b) {
        int category = b.label().isPresent() ? categories.add(labelName(b.label().getAsInt()), b.label())
                : categories.add(CocoCategories.UNLABELLED, OptionalInt.empty());
        VoxelBox v = b.box();
        for (int k = v.z0(); k < v.z1(); k++) {
            ObjectNode a = annotation(k, category, v, (long) (v.x1() - v.x0()) * (v.y1() - v.y0()));
            ObjectNode attest = provenance(a, b.claimId(), b.source().code, b.label());
            if (b.source() == CaseGeometry.BoxSource.MODEL_BOX) {
                attest.put("evidence_id", in.names().evidence().apply(b.recordId()));
            } else {
                attest.put("correction_id", in.names().correction().apply(b.recordId()));
            }
            if (!b.reviewer().isEmpty()) {
                attest.put("reviewer", b.reviewer());
            }
            attest.set("min_index", F.arrayNode().add(v.x0()).add(v.y0()).add(v.z0()));
            attest.set("max_index", F.arrayNode().add(v.x1() - 1).add(v.y1() - 1).add(v.z1() - 1));
        }
    }

    private void addMask(CaseGeometry.ClaimMask m) {
        int category = categories.add(labelName(m.label()), OptionalInt.of(m.label()));
        LabelExtents extents = m.map().extents();
        for (int k : extents.slices(m.label())) {
            VoxelBox box = extents.sliceBox(m.label(), k).orElseThrow();
            ObjectNode a = annotation(k, category, box, extents.sliceVoxels(m.label(), k));
            ObjectNode rle = a.putObject("segmentation");
            rle.set("size", F.arrayNode().add(in.imageGrid().sizeY()).add(in.imageGrid().sizeX()));
            ArrayNode counts = rle.putArray("counts");
            SliceRle.counts(m.map().labels(), m.label(), k, box).forEach(counts::add);
            ObjectNode attest = provenance(a, m.claimId(), "model_mask", OptionalInt.of(m.label()));
            attest.put("evidence_id", in.names().evidence().apply(m.evidenceId()));
        }
    }

    private ObjectNode annotation(int k, int category, VoxelBox box, long area) {
        slices.add(k);
        ObjectNode a = annotations.addObject();
        a.put("id", annotations.size());
        a.put("image_id", k + 1);
        a.put("category_id", category);
        a.set("bbox", F.arrayNode().add(box.x0()).add(box.y0()).add(box.x1() - box.x0()).add(box.y1() - box.y0()));
        a.put("area", area);
        a.put("iscrowd", 0);
        return a;
    }

    private ObjectNode provenance(ObjectNode annotation, Long claimId, String source, OptionalInt label) {
        ObjectNode attest = annotation.putObject("attest");
        attest.put("case", in.casePseudonym());
        if (claimId != null) {
            attest.put("claim_id", in.names().claim().apply(claimId));
        } else {
            attest.putNull("claim_id");
        }
        attest.put("source", source);
        if (label.isPresent()) {
            attest.put("label_value", label.getAsInt());
        } else {
            attest.putNull("label_value");
        }
        return attest;
    }
}
