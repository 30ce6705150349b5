package dev.attest.dicom.seg;

import dev.attest.core.geometry.Vec3;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.series.FunctionalGroups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header of a DICOM Segmentation (SOP class 1.2.840.10008.5.1.4.1.1.66.4), read without its
 * pixels: the segments and, per frame, its segment and placement. Cheap enough for
 * {@code attest info}, which sees the file only up to Pixel Data.
 *
 * @param source             the file, for messages
 * @param type               BINARY or FRACTIONAL
 * @param maxFractionalValue Maximum Fractional Value (1 for BINARY)
 * @param rows               rows per frame
 * @param columns            columns per frame
 * @param segments           the segments, by increasing number
 * @param frames             every frame, in pixel-data order
 * @param frameOfReferenceUid Frame of Reference UID, or ""
 */
public record SegmentationHeader(String source, SegmentationType type, int maxFractionalValue, int rows, int columns,
                                 List<Segment> segments, List<SegFrame> frames, String frameOfReferenceUid) {

    public SegmentationHeader {
        segments = List.copyOf(segments);
        frames = List.copyOf(frames);
    }

    /** Whether {@code file} claims to be a Segmentation, by its SOP Class UID. */
    public static boolean isSegmentation(DicomFile file) {
        return SegTags.SEGMENTATION_STORAGE.equals(file.sopClassUid());
    }

    /**
     * Reads the header.
     *
     * @throws SegmentationException when the file is not a Segmentation, has no segments, or a
     *                               frame does not say which defined segment it belongs to
     */
    public static SegmentationHeader of(DicomFile file) throws SegmentationException {
        String src = file.source();
        DicomDataset ds = file.dataset();
        if (!isSegmentation(file)) {
            throw new SegmentationException(src, "SOP Class UID is '" + file.sopClassUid()
                    + "', not Segmentation Storage (" + SegTags.SEGMENTATION_STORAGE + ")");
        }
        String typeText = ds.getString(SegTags.SegmentationType, "").trim().toUpperCase(Locale.ROOT);
        SegmentationType type;
        try {
            type = SegmentationType.valueOf(typeText);
        } catch (IllegalArgumentException e) {
            throw new SegmentationException(src, "Segmentation Type (0062,0001) is '" + typeText
                    + "'; it must be BINARY or FRACTIONAL");
        }
        int bits = ds.getInt(Tag.BitsAllocated, -1);
        int expectedBits = type == SegmentationType.BINARY ? 1 : 8;
        if (bits != expectedBits) {
            throw new SegmentationException(src, type + " segmentations have Bits Allocated " + expectedBits + ", this one " + bits);
        }
        int maxFractional = 1;
        if (type == SegmentationType.FRACTIONAL) {
            maxFractional = ds.getInt(SegTags.MaximumFractionalValue, -1);
            if (maxFractional < 1 || maxFractional > 255) {
                throw new SegmentationException(src, "Maximum Fractional Value (0062,000E) is "
                        + (maxFractional < 0 ? "missing" : maxFractional) + "; a FRACTIONAL segmentation needs 1..255");
            }
        }
        List<Segment> segments = segments(src, ds);
        Set<Integer> numbers = new HashSet<>();
        segments.forEach(s -> numbers.add(s.number()));
        int rows = ds.getInt(Tag.Rows, 0);
        int columns = ds.getInt(Tag.Columns, 0);
        int frameCount = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        List<DicomDataset> perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        if (perFrame.size() != frameCount) {
            throw new SegmentationException(src, "Per-Frame Functional Groups Sequence (5200,9230) has " + perFrame.size()
                    + " item(s) for " + frameCount + " frame(s)");
        }
        DicomDataset shared = ds.getItem(Tag.SharedFunctionalGroupsSequence).orElse(null);
        List<SegFrame> frames = new ArrayList<>(frameCount);
        for (int f = 0; f < frameCount; f++) {
            SegFrame frame = frame(src, f, perFrame.get(f), shared, ds);
            if (!numbers.contains(frame.segmentNumber())) {
                throw new SegmentationException(src, "frame " + f + " refers to segment " + frame.segmentNumber()
                        + ", which the Segment Sequence does not define");
            }
            frames.add(frame);
        }
        return new SegmentationHeader(src, type, maxFractional, rows, columns, segments, frames,
                ds.getString(Tag.FrameOfReferenceUID, ""));
    }

    /** The segment with this number. */
    public Optional<Segment> segment(int number) {
        return segments.stream().filter(s -> s.number() == number).findFirst();
    }

    private static List<Segment> segments(String src, DicomDataset ds) throws SegmentationException {
        List<DicomDataset> items = ds.getSequence(SegTags.SegmentSequence);
        if (items.isEmpty()) {
            throw new SegmentationException(src, "Segment Sequence (0062,0002) is missing or empty: the file defines no segments");
        }
        List<Segment> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            DicomDataset item = items.get(i);
            int number = item.getInt(SegTags.SegmentNumber, -1);
            if (number < 1 || number > 65535) {
                throw new SegmentationException(src, "Segment Sequence item " + (i + 1)
                        + " has no valid Segment Number (0062,0004)");
            }
            if (!seen.add(number)) {
                throw new SegmentationException(src, "Segment Number " + number + " is defined twice");
            }
            int[] lab = item.getInts(SegTags.RecommendedDisplayCIELabValue);
            Optional<CieLab> colour = Optional.empty();
            if (lab != null && lab.length == 3) {
                try {
                    colour = Optional.of(new CieLab(lab[0], lab[1], lab[2]));
                } catch (IllegalArgumentException e) {
                    throw new SegmentationException(src, "segment " + number + ": Recommended Display CIELab Value: " + e.getMessage());
                }
            }
            out.add(new Segment(number, item.getString(SegTags.SegmentLabel, ""), item.getString(SegTags.SegmentDescription, ""),
                    item.getString(SegTags.SegmentAlgorithmType, ""), item.getString(SegTags.SegmentAlgorithmName, ""),
                    codeMeaning(item, SegTags.SegmentedPropertyCategoryCodeSequence),
                    codeMeaning(item, SegTags.SegmentedPropertyTypeCodeSequence), colour));
        }
        out.sort(Comparator.comparingInt(Segment::number));
        return out;
    }

    private static String codeMeaning(DicomDataset item, int sequence) {
        return item.getItem(sequence).map(code -> code.getString(SegTags.CodeMeaning, "")).orElse("");
    }

    private static SegFrame frame(String src, int f, DicomDataset perFrame, DicomDataset shared, DicomDataset top)
            throws SegmentationException {
        DicomDataset identification = FunctionalGroups.item(perFrame, shared, SegTags.SegmentIdentificationSequence);
        int segment = identification == null ? -1 : identification.getInt(SegTags.ReferencedSegmentNumber, -1);
        if (segment < 0) {
            throw new SegmentationException(src, "frame " + f + " has no Segment Identification Sequence (0062,000A) "
                    + "with a Referenced Segment Number");
        }
        DicomDataset position = FunctionalGroups.item(perFrame, shared, Tag.PlanePositionSequence);
        DicomDataset orientation = FunctionalGroups.item(perFrame, shared, Tag.PlaneOrientationSequence);
        DicomDataset measures = FunctionalGroups.item(perFrame, shared, Tag.PixelMeasuresSequence);
        double[] ipp = position == null ? null : position.getDoubles(Tag.ImagePositionPatient);
        double[] iop = orientation == null ? top.getDoubles(Tag.ImageOrientationPatient) : orientation.getDoubles(Tag.ImageOrientationPatient);
        double[] spacing = measures == null ? top.getDoubles(Tag.PixelSpacing) : measures.getDoubles(Tag.PixelSpacing);
        Vec3 pos = ipp != null && ipp.length >= 3 ? new Vec3(ipp[0], ipp[1], ipp[2]) : null;
        Vec3 row = null;
        Vec3 col = null;
        if (iop != null && iop.length >= 6) {
            row = unit(new Vec3(iop[0], iop[1], iop[2]));
            col = unit(new Vec3(iop[3], iop[4], iop[5]));
        }
        boolean hasSpacing = spacing != null && spacing.length >= 2 && spacing[0] > 0 && spacing[1] > 0;
        List<SegFrame.SourceImage> sources = new ArrayList<>();
        if (perFrame != null) {
            for (DicomDataset derivation : perFrame.getSequence(SegTags.DerivationImageSequence)) {
                for (DicomDataset source : derivation.getSequence(SegTags.SourceImageSequence)) {
                    String uid = source.getString(SegTags.ReferencedSOPInstanceUID, "");
                    if (!uid.isEmpty()) {
                        sources.add(new SegFrame.SourceImage(uid, source.getInt(SegTags.ReferencedFrameNumber, 0)));
                    }
                }
            }
        }
        return new SegFrame(f, segment, pos, row, col, hasSpacing ? spacing[0] : Double.NaN,
                hasSpacing ? spacing[1] : Double.NaN, sources);
    }

    private static Vec3 unit(Vec3 v) {
        double n = v.norm();
        return n > 1e-6 && Double.isFinite(n) ? v.scale(1 / n) : null;
    }
}
