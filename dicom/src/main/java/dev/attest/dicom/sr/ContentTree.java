package dev.attest.dicom.sr;

import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.write.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an SR content tree into the data set's Content Sequence items and back (PS3.3 C.17.3,
 * Document Content Macro and Document Relationship Macro). The root's value type, concept name
 * and continuity are attributes of the data set itself.
 */
public final class ContentTree {
    /**
     * Value types whose items must have a concept name (Concept Name Code Sequence is Type 1C,
     * PS3.3 C.17.3.2.2); IMAGE, COMPOSITE and the coordinate types may go without one.
     */
    private static final Set<String> NAMED = Set.of("CONTAINER", "TEXT", "NUM", "CODE", "DATETIME", "DATE", "TIME",
            "UIDREF", "PNAME");

    private ContentTree() {
    }

    // ---- writing -------------------------------------------------------------------------

    /** Writes {@code root} (a CONTAINER with a concept name) into the top level of {@code document}. */
    public static void encode(ContentItem root, DicomDataset document) {
        if (!(root.value() instanceof ContentValue.Container) || root.concept().isEmpty()) {
            throw new IllegalArgumentException("the root of an SR document is a CONTAINER with a concept name");
        }
        fill(document, root, "1");
    }

    private static void fill(DicomDataset ds, ContentItem item, String path) {
        item.relationship().ifPresent(r -> Elements.text(ds, SrTags.RelationshipType, r.dicom()));
        ContentValue value = item.value();
        if (value instanceof ContentValue.ByReference ref) {
            Elements.ints(ds, SrTags.ReferencedContentItemIdentifier, ref.path().stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        Elements.text(ds, SrTags.ValueType, value.valueType());
        if (item.concept().isPresent()) {
            Elements.item(ds, SrTags.ConceptNameCodeSequence, item.concept().get().toItem());
        } else if (NAMED.contains(value.valueType()) || item.relationship().isEmpty()) {
            throw new IllegalArgumentException("content item " + path + " (" + value.valueType() + ") needs a concept name");
        }
        switch (value) {
            case ContentValue.Container c -> Elements.text(ds, SrTags.ContinuityOfContent, c.separate() ? "SEPARATE" : "CONTINUOUS");
            case ContentValue.CodeValue c -> Elements.item(ds, SrTags.ConceptCodeSequence, c.code().toItem());
            case ContentValue.Text t -> Elements.text(ds, SrTags.TextValue, t.text());
            case ContentValue.Numeric n -> Elements.item(ds, SrTags.MeasuredValueSequence, measuredValue(n));
            case ContentValue.UidRef u -> Elements.text(ds, SrTags.UID, u.uid());
            case ContentValue.PersonName p -> Elements.text(ds, SrTags.PersonName, p.name());
            case ContentValue.Temporal t -> Elements.text(ds, switch (t.valueType()) {
                case "DATE" -> SrTags.Date;
                case "TIME" -> SrTags.Time;
                default -> SrTags.DateTime;
            }, t.text());
            case ContentValue.Image i -> Elements.item(ds, Tag.ReferencedSOPSequence, sopItem(i.sop(), i.frames(), i.segments()));
            case ContentValue.Composite c -> Elements.item(ds, Tag.ReferencedSOPSequence, sopItem(c.sop(), List.of(), List.of()));
            case ContentValue.Uninterpreted u -> throw new IllegalArgumentException("content item " + path + ": Attest cannot write "
                    + u.valueType() + " content items");
            case ContentValue.ByReference r -> throw new AssertionError("handled above");
        }
        if (!item.children().isEmpty()) {
            List<DicomDataset> children = new ArrayList<>();
            for (int i = 0; i < item.children().size(); i++) {
                DicomDataset child = new DicomDataset();
                fill(child, item.children().get(i), path + "." + (i + 1));
                children.add(child);
            }
            Elements.sequence(ds, SrTags.ContentSequence, children);
        }
    }

    /**
     * Numeric Value is a DS of at most 16 characters; when that text does not hold the double
     * exactly, Floating Point Value carries it too (the standard's reason for that attribute).
     */
    private static DicomDataset measuredValue(ContentValue.Numeric n) {
        DicomDataset mv = new DicomDataset();
        Elements.item(mv, SrTags.MeasurementUnitsCodeSequence, n.unit().toItem());
        String text = DicomDataset.formatDecimalString(n.value());
        Elements.text(mv, SrTags.NumericValue, text);
        if (Double.parseDouble(text) != n.value()) {
            Elements.decimals(mv, SrTags.FloatingPointValue, n.value());
        }
        return mv;
    }

    private static DicomDataset sopItem(SopReference sop, List<Integer> frames, List<Integer> segments) {
        DicomDataset item = new DicomDataset();
        Elements.text(item, Tag.ReferencedSOPClassUID, sop.sopClassUid());
        Elements.text(item, Tag.ReferencedSOPInstanceUID, sop.sopInstanceUid());
        if (!frames.isEmpty()) {
            Elements.ints(item, Tag.ReferencedFrameNumber, frames.stream().mapToInt(Integer::intValue).toArray());
        }
        if (!segments.isEmpty()) {
            Elements.ints(item, SrTags.ReferencedSegmentNumber, segments.stream().mapToInt(Integer::intValue).toArray());
        }
        return item;
    }

    // ---- reading -------------------------------------------------------------------------

    /**
     * Reads the content tree of an SR document.
     *
     * @param source   the file, for messages
     * @param document the SR data set
     * @throws SrFormatException when the root is not a CONTAINER with a concept name, or an item
     *                           lacks its relationship, its concept name or its value
     */
    public static ContentItem parse(String source, DicomDataset document) throws SrFormatException {
        String type = document.getString(SrTags.ValueType, "");
        if (!type.equals("CONTAINER")) {
            throw new SrFormatException(source, "the document's Value Type (0040,A040) is '" + type + "', not CONTAINER: not a structured report");
        }
        return item(source, document, "1", true);
    }

    private static ContentItem item(String source, DicomDataset ds, String path, boolean root) throws SrFormatException {
        Optional<Relationship> relationship = Optional.empty();
        if (!root) {
            String text = ds.getString(SrTags.RelationshipType, "");
            relationship = Relationship.parse(text);
            if (relationship.isEmpty()) {
                throw new SrFormatException(source, "content item " + path + " has Relationship Type '" + text
                        + "', not one of CONTAINS, HAS PROPERTIES, HAS OBS CONTEXT, HAS ACQ CONTEXT, HAS CONCEPT MOD, "
                        + "INFERRED FROM, SELECTED FROM");
            }
        }
        int[] reference = ds.getInts(SrTags.ReferencedContentItemIdentifier);
        if (!root && reference != null && reference.length > 0 && !ds.contains(SrTags.ValueType)) {
            List<Integer> target = new ArrayList<>();
            for (int r : reference) {
                target.add(r);
            }
            return new ContentItem(relationship, Optional.empty(), new ContentValue.ByReference(target), List.of());
        }
        String type = ds.getString(SrTags.ValueType, "");
        Optional<Code> concept = Code.fromSequence(ds, SrTags.ConceptNameCodeSequence);
        if (concept.isEmpty() && (root || NAMED.contains(type))) {
            throw new SrFormatException(source, "content item " + path + " (" + type + ") has no complete Concept Name Code Sequence (0040,A043)");
        }
        ContentValue value = switch (type) {
            case "CONTAINER" -> new ContentValue.Container("SEPARATE".equals(ds.getString(SrTags.ContinuityOfContent, "")));
            case "CODE" -> new ContentValue.CodeValue(Code.fromSequence(ds, SrTags.ConceptCodeSequence).orElseThrow(
                    () -> new SrFormatException(source, "content item " + path + " is a CODE without a complete Concept Code Sequence (0040,A168)")));
            case "TEXT" -> new ContentValue.Text(ds.getString(SrTags.TextValue, ""));
            case "NUM" -> numeric(source, ds, path);
            case "UIDREF" -> new ContentValue.UidRef(ds.getString(SrTags.UID, ""));
            case "PNAME" -> new ContentValue.PersonName(ds.getString(SrTags.PersonName, ""));
            case "DATE" -> new ContentValue.Temporal(type, ds.getString(SrTags.Date, ""));
            case "TIME" -> new ContentValue.Temporal(type, ds.getString(SrTags.Time, ""));
            case "DATETIME" -> new ContentValue.Temporal(type, ds.getString(SrTags.DateTime, ""));
            case "IMAGE" -> {
                DicomDataset sop = sop(source, ds, path, type);
                yield new ContentValue.Image(sopReference(sop), list(sop.getInts(Tag.ReferencedFrameNumber)),
                        list(sop.getInts(SrTags.ReferencedSegmentNumber)));
            }
            case "COMPOSITE" -> new ContentValue.Composite(sopReference(sop(source, ds, path, type)));
            case "" -> throw new SrFormatException(source, "content item " + path + " has no Value Type (0040,A040)");
            default -> new ContentValue.Uninterpreted(type);
        };
        List<DicomDataset> items = ds.getSequence(SrTags.ContentSequence);
        List<ContentItem> children = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            children.add(item(source, items.get(i), path + "." + (i + 1), false));
        }
        return new ContentItem(relationship, concept, value, children);
    }

    private static ContentValue numeric(String source, DicomDataset ds, String path) throws SrFormatException {
        Optional<DicomDataset> mv = ds.getItem(SrTags.MeasuredValueSequence);
        if (mv.isEmpty()) {
            return new ContentValue.Uninterpreted("NUM");
        }
        Code unit = Code.fromSequence(mv.get(), SrTags.MeasurementUnitsCodeSequence).orElseThrow(() -> new SrFormatException(source,
                "content item " + path + " is a NUM without a complete Measurement Units Code Sequence (0040,08EA)"));
        double[] fp = mv.get().getDoubles(SrTags.FloatingPointValue);
        if (fp != null && fp.length > 0) {
            return new ContentValue.Numeric(fp[0], unit);
        }
        double[] numeric = mv.get().getDoubles(SrTags.NumericValue);
        if (numeric == null || numeric.length == 0) {
            throw new SrFormatException(source, "content item " + path + " is a NUM whose Numeric Value (0040,A30A) is missing or not a number");
        }
        return new ContentValue.Numeric(numeric[0], unit);
    }

    private static DicomDataset sop(String source, DicomDataset ds, String path, String type) throws SrFormatException {
        return ds.getItem(Tag.ReferencedSOPSequence).orElseThrow(() -> new SrFormatException(source,
                "content item " + path + " is an " + type + " without a Referenced SOP Sequence (0008,1199)"));
    }

    private static SopReference sopReference(DicomDataset item) {
        return new SopReference(item.getString(Tag.ReferencedSOPClassUID, ""), item.getString(Tag.ReferencedSOPInstanceUID, ""));
    }

    private static List<Integer> list(int[] values) {
        List<Integer> out = new ArrayList<>();
        if (values != null) {
            for (int v : values) {
                out.add(v);
            }
        }
        return out;
    }
}
