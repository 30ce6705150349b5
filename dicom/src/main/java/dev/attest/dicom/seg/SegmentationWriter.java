package dev.attest.dicom.seg;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Uids;
import dev.attest.dicom.Vr;
import dev.attest.dicom.write.Elements;
import dev.attest.dicom.write.Equipment;
import dev.attest.dicom.write.InstanceReference;
import dev.attest.dicom.write.ReferenceSequences;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a multi-frame DICOM Segmentation (PS3.3 A.51, SOP class 1.2.840.10008.5.1.4.1.1.66.4)
 * from a label map, from one binary mask per segment, or from one fraction map per segment, all
 * on the grid of a {@link SegmentationSource}.
 *
 * <p>What is written: BINARY segmentations pack one bit per pixel, frames back to back without
 * padding between them (PS3.5 8.1.1); FRACTIONAL ones store round(fraction × 255) with Maximum
 * Fractional Value 255. Frames are ordered by segment, then by slice along the slice normal; with
 * {@link FramePolicy#NON_EMPTY} (the default) only frames in which the segment has a voxel are
 * written, with {@link FramePolicy#ALL} every segment gets a frame on every slice. A source of
 * DICOM images gives every frame a Derivation Image reference to its source slice and the Common
 * Instance Reference module; a source without DICOM (NIfTI) gives neither, only positions in the
 * synthesised frame of reference. The result is a data set; {@code DicomWriter.write(path, seg,
 * TransferSyntax.EXPLICIT_VR_LE)} stores it.
 *
 * <pre>{@code
 * SegmentationSource ct = SegmentationSource.of(stack);
 * DicomDataset seg = SegmentationWriter.fromLabelMap(ct, labels, List.of(
 *         new LabelSegment(5, SegmentDefinition.automatic("liver", SegmentedProperties.forName("liver"), algorithm))),
 *         SegmentationWriter.Settings.of(Equipment.attest("Attest", "0.1", "lab-1")));
 * }</pre>
 */
public final class SegmentationWriter {
    /** Which frames to write. */
    public enum FramePolicy {
        /** Only frames in which the segment has at least one non-zero voxel: compact, the usual choice. */
        NON_EMPTY,
        /** A frame for every segment on every slice, empty or not: simpler for readers that index frames by slice. */
        ALL
    }

    /**
     * How the written object identifies itself.
     *
     * @param equipment          Enhanced General Equipment
     * @param seriesNumber       Series Number
     * @param seriesDescription  Series Description
     * @param contentLabel       Content Label (CS: upper case, digits, space and underscore, at most 16; other characters become '_')
     * @param contentDescription Content Description, may be ""
     * @param contentCreator     Content Creator's Name (PN), may be ""
     * @param framePolicy        which frames to write
     * @param seriesInstanceUid  Series Instance UID of the new series
     * @param sopInstanceUid     SOP Instance UID of the new object
     * @param created            Content, Series and Instance Creation date and time
     */
    public record Settings(Equipment equipment, int seriesNumber, String seriesDescription, String contentLabel,
                           String contentDescription, String contentCreator, FramePolicy framePolicy,
                           String seriesInstanceUid, String sopInstanceUid, LocalDateTime created) {
        public Settings {
            Objects.requireNonNull(equipment, "equipment");
            Objects.requireNonNull(seriesDescription, "seriesDescription");
            Objects.requireNonNull(contentDescription, "contentDescription");
            Objects.requireNonNull(contentCreator, "contentCreator");
            Objects.requireNonNull(framePolicy, "framePolicy");
            Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(created, "created");
            contentLabel = codeString(Objects.requireNonNull(contentLabel, "contentLabel"));
            if (contentLabel.isEmpty()) {
                throw new IllegalArgumentException("Content Label is Type 1: give one");
            }
        }

        /** Defaults: series 300 "Segmentation", label SEGMENTATION, non-empty frames, new UIDs, now. */
        public static Settings of(Equipment equipment) {
            return new Settings(equipment, 300, "Segmentation", "SEGMENTATION", "", "", FramePolicy.NON_EMPTY,
                    Uids.create(), Uids.create(), LocalDateTime.now());
        }

        public Settings withSeries(int number, String description) {
            return new Settings(equipment, number, description, contentLabel, contentDescription, contentCreator,
                    framePolicy, seriesInstanceUid, sopInstanceUid, created);
        }

        public Settings withContent(String label, String description, String creator) {
            return new Settings(equipment, seriesNumber, seriesDescription, label, description, creator,
                    framePolicy, seriesInstanceUid, sopInstanceUid, created);
        }

        public Settings withFramePolicy(FramePolicy policy) {
            return new Settings(equipment, seriesNumber, seriesDescription, contentLabel, contentDescription,
                    contentCreator, policy, seriesInstanceUid, sopInstanceUid, created);
        }

        public Settings withIdentity(String seriesUid, String sopUid, LocalDateTime time) {
            return new Settings(equipment, seriesNumber, seriesDescription, contentLabel, contentDescription,
                    contentCreator, framePolicy, seriesUid, sopUid, time);
        }

        /** A CS value: upper case, only A-Z, 0-9, space and underscore, at most 16 characters. */
        static String codeString(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.strip().toUpperCase(Locale.ROOT).toCharArray()) {
                out.append(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '_' ? c : '_');
            }
            return out.length() > 16 ? out.substring(0, 16) : out.toString();
        }
    }

    /** Largest stored value of a FRACTIONAL segmentation: 8 bits, the full range. */
    public static final int MAX_FRACTIONAL_VALUE = 255;
    private static final Code SEGMENTATION_DERIVATION = Code.dcm("113076", "Segmentation");
    private static final Code SOURCE_IMAGE_PURPOSE = Code.dcm("121322", "Source image for image processing operation");

    private SegmentationWriter() {
    }

    /**
     * A BINARY Segmentation of a label map on the source grid: segment {@code i} (numbered i + 1
     * in list order) is the voxels whose value is {@code segments.get(i).label()}. Label values
     * not listed are left out. Segments of a label map never overlap.
     */
    public static DicomDataset fromLabelMap(SegmentationSource source, Volume labels, List<LabelSegment> segments,
                                            Settings settings) {
        requireSegments(segments);
        return build(source, segments.stream().map(LabelSegment::definition).toList(),
                SegmentPlanes.ofLabelMap(source, labels, segments), SegmentationType.BINARY, null, "NO", settings);
    }

    /** A BINARY Segmentation of one mask per segment (non-zero = in); segments may overlap. */
    public static DicomDataset binary(SegmentationSource source, List<SegmentMask> segments, Settings settings) {
        requireSegments(segments);
        SegmentPlanes.Plane[][] planes = SegmentPlanes.ofMasks(source, segments);
        return build(source, segments.stream().map(SegmentMask::definition).toList(), planes, SegmentationType.BINARY, null,
                SegmentPlanes.overlap(planes), settings);
    }

    /**
     * A FRACTIONAL Segmentation: each voxel stores round(clamp(fraction, 0, 1) × 255), so a
     * reader recovers every fraction to within 1/510.
     */
    public static DicomDataset fractional(SegmentationSource source, FractionalType fractionalType,
                                          List<SegmentFraction> segments, Settings settings) {
        requireSegments(segments);
        Objects.requireNonNull(fractionalType, "fractionalType");
        SegmentPlanes.Plane[][] planes = SegmentPlanes.ofFractions(source, segments, MAX_FRACTIONAL_VALUE);
        return build(source, segments.stream().map(SegmentFraction::definition).toList(), planes, SegmentationType.FRACTIONAL,
                fractionalType, SegmentPlanes.overlap(planes), settings);
    }

    private static void requireSegments(List<?> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a Segmentation needs at least one segment");
        }
        if (segments.size() > 65535) {
            throw new IllegalArgumentException("Segment Number is US: at most 65535 segments, got " + segments.size());
        }
    }

    private static DicomDataset build(SegmentationSource source, List<SegmentDefinition> definitions, SegmentPlanes.Plane[][] planes,
                                      SegmentationType type, FractionalType fractionalType, String overlap,
                                      Settings settings) {
        ImageGrid grid = source.grid();
        List<FramePixels.Frame> frames = frames(planes, settings.framePolicy());
        int[] positionIndex = positionIndices(source);
        DicomDataset ds = Elements.newInstance(SegTags.SEGMENTATION_STORAGE, settings.sopInstanceUid(), "SEG",
                settings.created());
        Elements.text(ds, Tag.ImageType, "DERIVED", "PRIMARY");
        settings.equipment().applyTo(ds);
        Elements.text(ds, Tag.SeriesDescription, settings.seriesDescription());
        source.study().applyTo(ds);
        Elements.text(ds, Tag.SeriesInstanceUID, settings.seriesInstanceUid());
        Elements.ints(ds, Tag.SeriesNumber, settings.seriesNumber());
        Elements.ints(ds, Tag.InstanceNumber, 1);
        source.study().applyFrameOfReferenceTo(ds);
        if (source.hasSourceImages()) {
            List<InstanceReference> images = source.sourceImages();
            String study = source.study().studyInstanceUid();
            List<DicomDataset> sameStudy = ReferenceSequences.referencedSeries(images, study);
            if (!sameStudy.isEmpty()) {
                Elements.sequence(ds, Tag.ReferencedSeriesSequence, sameStudy);
            }
            List<DicomDataset> otherStudies = ReferenceSequences.otherStudies(images, study);
            if (!otherStudies.isEmpty()) {
                Elements.sequence(ds, Tag.StudiesContainingOtherReferencedInstancesSequence, otherStudies);
            }
        }
        dimensions(ds, settings.sopInstanceUid());
        boolean binary = type == SegmentationType.BINARY;
        int bits = binary ? 1 : 8;
        Elements.ints(ds, Tag.SamplesPerPixel, 1);
        Elements.text(ds, Tag.PhotometricInterpretation, "MONOCHROME2");
        Elements.ints(ds, Tag.NumberOfFrames, frames.size());
        Elements.ints(ds, Tag.Rows, grid.sizeY());
        Elements.ints(ds, Tag.Columns, grid.sizeX());
        Elements.ints(ds, Tag.BitsAllocated, bits);
        Elements.ints(ds, Tag.BitsStored, bits);
        Elements.ints(ds, Tag.HighBit, bits - 1);
        Elements.ints(ds, Tag.PixelRepresentation, 0);
        Elements.text(ds, Tag.LossyImageCompression, "00");
        Elements.text(ds, SegTags.SegmentationType, type.name());
        if (!binary) {
            Elements.text(ds, SegTags.SegmentationFractionalType, fractionalType.name());
            Elements.ints(ds, SegTags.MaximumFractionalValue, MAX_FRACTIONAL_VALUE);
        }
        Elements.text(ds, SegTags.SegmentsOverlap, overlap);
        List<DicomDataset> segmentItems = new ArrayList<>();
        for (int s = 0; s < definitions.size(); s++) {
            segmentItems.add(segmentItem(s + 1, definitions.get(s)));
        }
        Elements.sequence(ds, SegTags.SegmentSequence, segmentItems);
        Elements.text(ds, Tag.ContentLabel, settings.contentLabel());
        Elements.text(ds, Tag.ContentDescription, settings.contentDescription());
        Elements.text(ds, Tag.ContentCreatorName, settings.contentCreator());
        Elements.item(ds, Tag.SharedFunctionalGroupsSequence, shared(source));
        List<DicomDataset> perFrame = new ArrayList<>(frames.size());
        for (FramePixels.Frame frame : frames) {
            perFrame.add(perFrame(source, frame, positionIndex[frame.slice()]));
        }
        Elements.sequence(ds, Tag.PerFrameFunctionalGroupsSequence, perFrame);
        int pixels = grid.sizeX() * grid.sizeY();
        ds.setBytes(Tag.PixelData, Vr.OB, binary ? FramePixels.packBits(frames, pixels) : FramePixels.packBytes(frames, pixels));
        return ds;
    }

    /**
     * The frames to write, by segment then slice. A Segmentation must hold at least one frame, so
     * when every segment is empty under NON_EMPTY one empty frame of segment 1 on slice 0 is kept:
     * the file stays valid and reads back as empty masks.
     */
    private static List<FramePixels.Frame> frames(SegmentPlanes.Plane[][] planes, FramePolicy policy) {
        List<FramePixels.Frame> frames = new ArrayList<>();
        for (int s = 0; s < planes.length; s++) {
            for (int z = 0; z < planes[s].length; z++) {
                if (policy == FramePolicy.ALL || !planes[s][z].isEmpty()) {
                    frames.add(new FramePixels.Frame(s + 1, z, planes[s][z]));
                }
            }
        }
        if (frames.isEmpty()) {
            frames.add(new FramePixels.Frame(1, 0, planes[0][0]));
        }
        return frames;
    }

    /** Each slice's 1-based rank along the slice normal: the Dimension Index Value of its position. */
    private static int[] positionIndices(SegmentationSource source) {
        ImageGrid grid = source.grid();
        Vec3 normal = grid.axisDirection(0).cross(grid.axisDirection(1)).normalized();
        int n = source.slices().size();
        Integer[] order = new Integer[n];
        for (int z = 0; z < n; z++) {
            order[z] = z;
        }
        Arrays.sort(order, (a, b) -> Double.compare(source.slices().get(a).position().dot(normal),
                source.slices().get(b).position().dot(normal)));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }

    /**
     * Dimensions: the segment a frame shows, then where its plane lies (PS3.3 C.8.20.2.1 recommends this pair). The
     * organisation's UID follows from the instance's, so writing the same object twice gives the same bytes.
     */
    private static void dimensions(DicomDataset ds, String sopInstanceUid) {
        String organisation = Uids.fromName("dimension-organisation:" + sopInstanceUid);
        DicomDataset organisationItem = new DicomDataset();
        Elements.text(organisationItem, Tag.DimensionOrganizationUID, organisation);
        Elements.item(ds, Tag.DimensionOrganizationSequence, organisationItem);
        DicomDataset bySegment = new DicomDataset();
        Elements.text(bySegment, Tag.DimensionOrganizationUID, organisation);
        Elements.ints(bySegment, Tag.DimensionIndexPointer, SegTags.ReferencedSegmentNumber);
        Elements.ints(bySegment, Tag.FunctionalGroupPointer, SegTags.SegmentIdentificationSequence);
        Elements.text(bySegment, Tag.DimensionDescriptionLabel, "ReferencedSegmentNumber");
        DicomDataset byPosition = new DicomDataset();
        Elements.text(byPosition, Tag.DimensionOrganizationUID, organisation);
        Elements.ints(byPosition, Tag.DimensionIndexPointer, Tag.ImagePositionPatient);
        Elements.ints(byPosition, Tag.FunctionalGroupPointer, Tag.PlanePositionSequence);
        Elements.text(byPosition, Tag.DimensionDescriptionLabel, "ImagePositionPatient");
        Elements.sequence(ds, Tag.DimensionIndexSequence, List.of(bySegment, byPosition));
    }

    private static DicomDataset segmentItem(int number, SegmentDefinition definition) {
        DicomDataset item = new DicomDataset();
        Elements.ints(item, SegTags.SegmentNumber, number);
        Elements.text(item, SegTags.SegmentLabel, definition.label());
        if (!definition.description().isEmpty()) {
            Elements.text(item, SegTags.SegmentDescription, definition.description());
        }
        Elements.text(item, SegTags.SegmentAlgorithmType, definition.algorithmType().name());
        definition.algorithm().ifPresent(algorithm -> {
            if (definition.algorithmType() != SegmentAlgorithmType.MANUAL) {
                Elements.text(item, SegTags.SegmentAlgorithmName, algorithm.name());
            }
            DicomDataset identification = new DicomDataset();
            Elements.item(identification, SegTags.AlgorithmFamilyCodeSequence, algorithm.family().toItem());
            Elements.text(identification, SegTags.AlgorithmName, algorithm.name());
            Elements.text(identification, SegTags.AlgorithmVersion, algorithm.version());
            if (!algorithm.parameters().isEmpty()) {
                Elements.text(identification, SegTags.AlgorithmParameters, algorithm.parameters());
            }
            Elements.item(item, SegTags.SegmentationAlgorithmIdentificationSequence, identification);
        });
        SegmentedProperty property = definition.property();
        Elements.item(item, SegTags.SegmentedPropertyCategoryCodeSequence, property.category().toItem());
        DicomDataset typeItem = property.type().toItem();
        property.typeModifier().ifPresent(m -> Elements.item(typeItem, SegTags.SegmentedPropertyTypeModifierCodeSequence, m.toItem()));
        Elements.item(item, SegTags.SegmentedPropertyTypeCodeSequence, typeItem);
        definition.colour().ifPresent(lab -> Elements.ints(item, SegTags.RecommendedDisplayCIELabValue, lab.l(), lab.a(), lab.b()));
        return item;
    }

    private static DicomDataset shared(SegmentationSource source) {
        ImageGrid grid = source.grid();
        Vec3 spacing = grid.spacing();
        DicomDataset measures = new DicomDataset();
        Elements.decimals(measures, Tag.PixelSpacing, spacing.y(), spacing.x());
        Elements.decimals(measures, Tag.SliceThickness, source.sliceThickness());
        Elements.decimals(measures, Tag.SpacingBetweenSlices, source.spacingBetweenSlices());
        Vec3 row = grid.axisDirection(0);
        Vec3 column = grid.axisDirection(1);
        DicomDataset orientation = new DicomDataset();
        Elements.decimals(orientation, Tag.ImageOrientationPatient, row.x(), row.y(), row.z(), column.x(), column.y(), column.z());
        DicomDataset shared = new DicomDataset();
        Elements.item(shared, Tag.PixelMeasuresSequence, measures);
        Elements.item(shared, Tag.PlaneOrientationSequence, orientation);
        return shared;
    }

    private static DicomDataset perFrame(SegmentationSource source, FramePixels.Frame frame, int positionIndex) {
        SegmentationSource.SourceSlice slice = source.slices().get(frame.slice());
        DicomDataset item = new DicomDataset();
        slice.image().ifPresent(image -> {
            DicomDataset reference = new DicomDataset();
            Elements.text(reference, Tag.ReferencedSOPClassUID, image.sopClassUid());
            Elements.text(reference, Tag.ReferencedSOPInstanceUID, image.sopInstanceUid());
            if (slice.frameNumber() > 0) {
                Elements.ints(reference, Tag.ReferencedFrameNumber, slice.frameNumber());
            }
            Elements.item(reference, Tag.PurposeOfReferenceCodeSequence, SOURCE_IMAGE_PURPOSE.toItem());
            DicomDataset derivation = new DicomDataset();
            Elements.item(derivation, Tag.DerivationCodeSequence, SEGMENTATION_DERIVATION.toItem());
            Elements.item(derivation, Tag.SourceImageSequence, reference);
            Elements.item(item, Tag.DerivationImageSequence, derivation);
        });
        DicomDataset content = new DicomDataset();
        Elements.ints(content, Tag.DimensionIndexValues, frame.segmentNumber(), positionIndex);
        Elements.item(item, Tag.FrameContentSequence, content);
        Vec3 p = slice.position();
        DicomDataset position = new DicomDataset();
        Elements.decimals(position, Tag.ImagePositionPatient, p.x(), p.y(), p.z());
        Elements.item(item, Tag.PlanePositionSequence, position);
        DicomDataset identification = new DicomDataset();
        Elements.ints(identification, SegTags.ReferencedSegmentNumber, frame.segmentNumber());
        Elements.item(item, SegTags.SegmentIdentificationSequence, identification);
        return item;
    }
}
