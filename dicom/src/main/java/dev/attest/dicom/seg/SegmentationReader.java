package dev.attest.dicom.seg;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.pixel.FrameCache;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.StoredPixels;
import dev.attest.dicom.series.StackGeometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads a DICOM Segmentation onto a grid: decodes its frames (every transfer syntax the pixel
 * layer decodes, 1-bit frames packed back to back), places each frame by its Image Position
 * through the grid's LPS-to-index affine, and builds the label layers of a {@link Segmentation}.
 *
 * <pre>{@code
 * Segmentation seg = SegmentationReader.read(DicomReader.read(segPath), stack);   // on the CT's grid
 * Volume liver = seg.layerOf(1);                                                  // voxel value 1
 * }</pre>
 */
public final class SegmentationReader {

    /**
     * How far from a whole voxel index a frame's first pixel may land, in voxels: DS values carry
     * a few significant digits, so positions written by one tool and read back by another differ
     * in the 5th or 6th decimal of a millimetre, far below this.
     */
    static final double INDEX_TOLERANCE = 0.01;

    private SegmentationReader() {
    }

    /** Reads {@code file} onto the grid of the series it was derived from, placing frames by position, else by reference. */
    public static Segmentation read(DicomFile file, StackGeometry source) throws DicomException {
        return read(file, TargetGrid.of(source), false);
    }

    /**
     * Reads {@code file} onto {@code target}.
     *
     * @param keepFractions for a FRACTIONAL segmentation, also return each segment's fraction as a
     *                      FLOAT32 volume (one full volume per segment: mind the memory)
     * @throws SegmentationException when the header is invalid, a frame's orientation or pixel
     *                               spacing differs from the grid's, or a frame does not land on
     *                               a whole slice of the grid
     * @throws DicomException        (a {@link dev.attest.dicom.pixel.PixelDataException}) when the
     *                               pixel data is missing, truncated or cannot be decoded
     */
    public static Segmentation read(DicomFile file, TargetGrid target, boolean keepFractions) throws DicomException {
        SegmentationHeader header = SegmentationHeader.of(file);
        String targetFor = target.frameOfReferenceUid();
        if (!targetFor.isEmpty() && !header.frameOfReferenceUid().isEmpty() && !targetFor.equals(header.frameOfReferenceUid())) {
            throw new SegmentationException(file.source(), "Frame of Reference UID " + header.frameOfReferenceUid()
                    + " differs from the target series' " + targetFor + ": its positions cannot be compared");
        }
        return build(file, header, target, keepFractions);
    }

    /** Reads {@code file} onto a grid built from its own frames, for when no source series is at hand. */
    public static Segmentation readOnOwnGrid(DicomFile file, boolean keepFractions) throws DicomException {
        SegmentationHeader header = SegmentationHeader.of(file);
        return build(file, header, TargetGrid.of(ownGrid(file, header)), keepFractions);
    }

    /**
     * The grid the frames themselves span: in-plane axes and origin from the frames, slices
     * along the plane normal from the lowest to the highest frame position, spaced by the median
     * gap between distinct positions (Spacing Between Slices, else Slice Thickness, else 1 mm for
     * a single position). Frames at positions off that spacing then fail placement.
     */
    public static ImageGrid ownGrid(DicomFile file, SegmentationHeader header) throws SegmentationException {
        String src = header.source();
        SegFrame first = header.frames().get(0);
        for (SegFrame f : header.frames()) {
            if (!f.hasPosition() || !f.hasOrientation() || Double.isNaN(f.rowSpacing())) {
                throw new SegmentationException(src, "frame " + f.index() + " lacks Image Position, Image Orientation or "
                        + "Pixel Spacing, so the segmentation has no grid of its own");
            }
        }
        Vec3 normal = first.rowDirection().cross(first.columnDirection()).normalized();
        double[] along = header.frames().stream().mapToDouble(f -> f.position().dot(normal)).sorted().toArray();
        List<Double> distinct = new ArrayList<>();
        for (double d : along) {
            if (distinct.isEmpty() || d - distinct.get(distinct.size() - 1) > 1e-3) {
                distinct.add(d);
            }
        }
        double spacing;
        if (distinct.size() > 1) {
            double[] gaps = new double[distinct.size() - 1];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = distinct.get(i + 1) - distinct.get(i);
            }
            Arrays.sort(gaps);
            spacing = gaps.length % 2 == 1 ? gaps[gaps.length / 2] : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2;
        } else {
            DicomDataset measures = file.dataset().getItem(Tag.SharedFunctionalGroupsSequence)
                    .flatMap(s -> s.getItem(Tag.PixelMeasuresSequence)).orElse(file.dataset());
            spacing = measures.getDouble(Tag.SpacingBetweenSlices, measures.getDouble(Tag.SliceThickness, 1));
            if (!(spacing > 0)) {
                spacing = 1;
            }
        }
        SegFrame lowest = header.frames().stream()
                .min((a, b) -> Double.compare(a.position().dot(normal), b.position().dot(normal))).orElseThrow();
        int slices = (int) Math.round((distinct.get(distinct.size() - 1) - distinct.get(0)) / spacing) + 1;
        Affine affine = Affine.fromColumns(first.rowDirection().scale(first.columnSpacing()),
                first.columnDirection().scale(first.rowSpacing()), normal.scale(spacing), lowest.position());
        return new ImageGrid(header.columns(), header.rows(), slices, affine);
    }

    private static Segmentation build(DicomFile file, SegmentationHeader header, TargetGrid target, boolean keepFractions)
            throws DicomException {
        String src = header.source();
        ImageGrid grid = target.grid();
        PixelDecoder decoder = PixelDecoder.open(file, FrameCache.disabled());
        if (decoder.frameCount() != header.frames().size()) {
            throw new SegmentationException(src, "the pixel data holds " + decoder.frameCount() + " frame(s) but the "
                    + "functional groups describe " + header.frames().size());
        }
        boolean fractional = header.type() == SegmentationType.FRACTIONAL;
        int max = header.maxFractionalValue();
        Map<Integer, Map<Integer, BitSet>> masks = new HashMap<>();
        Map<Integer, Volume> fractions = new TreeMap<>();
        int sizeX = grid.sizeX();
        for (SegFrame frame : header.frames()) {
            int[] origin = place(src, frame, header, target);
            StoredPixels pixels = decoder.decodeFrame(frame.index());
            byte[] values = pixels.bytes();
            Map<Integer, BitSet> mask = masks.computeIfAbsent(frame.segmentNumber(), n -> new HashMap<>());
            BitSet slice = mask.computeIfAbsent(origin[2], z -> new BitSet());
            float[] fraction = null;
            if (fractional && keepFractions) {
                fraction = (float[]) fractions.computeIfAbsent(frame.segmentNumber(),
                        n -> named(Volume.allocate(grid, VoxelType.FLOAT32), header, n)).sliceArray(origin[2]);
            }
            for (int r = 0; r < header.rows(); r++) {
                int row = (origin[1] + r) * sizeX + origin[0];
                for (int c = 0; c < header.columns(); c++) {
                    int v = values[r * header.columns() + c] & 0xFF;
                    // Fraction at least one half: v / max >= 0.5 in exact integer arithmetic.
                    if (fractional ? 2 * v >= max : v != 0) {
                        slice.set(row + c);
                    }
                    if (fraction != null && v != 0) {
                        // Frames of one segment on one slice should not repeat; if they do, keep the larger.
                        fraction[row + c] = Math.max(fraction[row + c], (float) v / max);
                    }
                }
            }
        }
        List<Integer> numbers = header.segments().stream().map(Segment::number).toList();
        List<List<Integer>> packed = SegmentLayering.pack(numbers, masks);
        int largest = numbers.stream().mapToInt(Integer::intValue).max().orElse(0);
        VoxelType labelType = largest <= 255 ? VoxelType.UINT8 : VoxelType.UINT16;
        List<Volume> layers = new ArrayList<>();
        Map<Integer, Integer> layerOf = new HashMap<>();
        Map<Integer, Long> counts = new HashMap<>();
        for (int l = 0; l < packed.size(); l++) {
            Volume layer = Volume.allocate(grid, labelType);
            layer.setName(file.dataset().getString(Tag.SeriesDescription, src) + (packed.size() > 1 ? " (layer " + (l + 1) + ")" : ""));
            layer.properties().put("source", src);
            for (int number : packed.get(l)) {
                layerOf.put(number, l);
                long count = 0;
                for (var slice : masks.getOrDefault(number, Map.of()).entrySet()) {
                    Object array = layer.sliceArray(slice.getKey());
                    BitSet bits = slice.getValue();
                    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                        if (array instanceof byte[] b) {
                            b[i] = (byte) number;
                        } else {
                            ((short[]) array)[i] = (short) number;
                        }
                    }
                    count += bits.cardinality();
                }
                counts.put(number, count);
            }
            layers.add(layer);
        }
        return new Segmentation(header, grid, layers, layerOf, counts, fractions);
    }

    private static Volume named(Volume v, SegmentationHeader header, int number) {
        v.setName(header.segment(number).map(Segment::label).orElse("segment " + number) + " (fraction)");
        return v;
    }

    /**
     * Where frame's first pixel goes on the grid, as (column, row, slice): by its position when it
     * has one, else by the slice of the source image it references.
     */
    private static int[] place(String src, SegFrame frame, SegmentationHeader header, TargetGrid target)
            throws SegmentationException {
        ImageGrid grid = target.grid();
        if (frame.hasPosition() && frame.hasOrientation() && !Double.isNaN(frame.rowSpacing())) {
            Affine toIndex = grid.lpsToIndex();
            checkAxis(src, frame, "row (Image Orientation[0..2] × Pixel Spacing[1])",
                    toIndex.applyDirection(frame.rowDirection().scale(frame.columnSpacing())), 0, header.columns());
            checkAxis(src, frame, "column (Image Orientation[3..5] × Pixel Spacing[0])",
                    toIndex.applyDirection(frame.columnDirection().scale(frame.rowSpacing())), 1, header.rows());
            Vec3 index = toIndex.apply(frame.position());
            int[] at = new int[3];
            for (int a = 0; a < 3; a++) {
                double v = index.get(a);
                at[a] = (int) Math.round(v);
                if (Math.abs(v - at[a]) > INDEX_TOLERANCE) {
                    throw new SegmentationException(src, String.format("frame %d (segment %d) at LPS (%.4f, %.4f, %.4f) "
                                    + "lands at voxel index (%.4f, %.4f, %.4f) of the target grid, not on a whole %s",
                            frame.index(), frame.segmentNumber(), frame.position().x(), frame.position().y(),
                            frame.position().z(), tidy(index.x()), tidy(index.y()), tidy(index.z()), a == 2 ? "slice" : "voxel"));
                }
            }
            checkInside(src, frame, header, grid, at);
            return at;
        }
        for (SegFrame.SourceImage source : frame.sources()) {
            OptionalInt z = target.sliceOf(source);
            if (z.isPresent()) {
                int[] at = {0, 0, z.getAsInt()};
                if (header.columns() != grid.sizeX() || header.rows() != grid.sizeY()) {
                    throw new SegmentationException(src, "frame " + frame.index() + " has no position and is "
                            + header.columns() + "x" + header.rows() + ", but the source image it references is "
                            + grid.sizeX() + "x" + grid.sizeY());
                }
                return at;
            }
        }
        throw new SegmentationException(src, "frame " + frame.index() + " has no Image Position/Orientation and "
                + (frame.sources().isEmpty() ? "references no source image"
                : "none of the source images it references (" + frame.sources().get(0).sopInstanceUid() + ") is in the target series"));
    }

    /** Rounds to the 4 decimals shown, so a tiny negative round-off does not print as "-0.0000". */
    private static double tidy(double v) {
        return Math.round(v * 1e4) / 1e4 + 0.0;
    }

    /** A frame axis must map onto exactly one voxel step along grid axis {@code axis}, to within the tolerance over the frame. */
    private static void checkAxis(String src, SegFrame frame, String what, Vec3 step, int axis, int extent)
            throws SegmentationException {
        double worst = 0;
        for (int a = 0; a < 3; a++) {
            worst = Math.max(worst, Math.abs(step.get(a) - (a == axis ? 1 : 0)));
        }
        if (worst * extent > INDEX_TOLERANCE * 10) {
            throw new SegmentationException(src, String.format("frame %d: its %s is (%.5f, %.5f, %.5f) voxels of the target "
                            + "grid instead of one step along %s: orientation or pixel spacing does not match the grid",
                    frame.index(), what, step.x(), step.y(), step.z(), "ijk".charAt(axis)));
        }
    }

    private static void checkInside(String src, SegFrame frame, SegmentationHeader header, ImageGrid grid, int[] at)
            throws SegmentationException {
        if (at[0] < 0 || at[1] < 0 || at[2] < 0 || at[0] + header.columns() > grid.sizeX()
                || at[1] + header.rows() > grid.sizeY() || at[2] >= grid.sizeZ()) {
            throw new SegmentationException(src, "frame " + frame.index() + " (segment " + frame.segmentNumber()
                    + ") covers columns " + at[0] + ".." + (at[0] + header.columns() - 1) + ", rows " + at[1] + ".."
                    + (at[1] + header.rows() - 1) + " of slice " + at[2] + ", outside the target grid of "
                    + grid.sizeX() + "x" + grid.sizeY() + "x" + grid.sizeZ());
        }
    }
}
