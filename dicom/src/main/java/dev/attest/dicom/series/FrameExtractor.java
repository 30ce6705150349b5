package dev.attest.dicom.series;

import dev.attest.core.geometry.Vec3;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an instance into its frames with their patient-space geometry: classic single-frame
 * images from their top-level attributes, enhanced multi-frame images from the Shared and
 * Per-Frame Functional Groups (per-frame values win), and legacy multi-frame images (NM, RT
 * Dose) from Grid Frame Offset Vector when present.
 */
public final class FrameExtractor {
    private static final int GRID_FRAME_OFFSET_VECTOR = 0x3004000C;

    private FrameExtractor() {
    }

    public static List<ImageFrame> frames(DicomFile file) {
        DicomDataset ds = file.dataset();
        int rows = ds.getInt(Tag.Rows, 0);
        int columns = ds.getInt(Tag.Columns, 0);
        int frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        List<DicomDataset> perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        Optional<DicomDataset> shared = ds.getItem(Tag.SharedFunctionalGroupsSequence);
        List<ImageFrame> out = new ArrayList<>(frames);
        long instance = ds.getInt(Tag.InstanceNumber, 0);
        if (!perFrame.isEmpty() || shared.isPresent()) {
            for (int f = 0; f < frames; f++) {
                DicomDataset pf = f < perFrame.size() ? perFrame.get(f) : null;
                out.add(enhancedFrame(file, f, rows, columns, pf, shared.orElse(null), instance));
            }
            return out;
        }
        double[] ipp = ds.getDoubles(Tag.ImagePositionPatient);
        double[] iop = ds.getDoubles(Tag.ImageOrientationPatient);
        double[] spacing = pixelSpacing(ds);
        boolean hasGeometry = ipp != null && ipp.length >= 3 && iop != null && iop.length >= 6;
        Vec3 position = hasGeometry ? new Vec3(ipp[0], ipp[1], ipp[2]) : Vec3.ZERO;
        Vec3 row = hasGeometry ? unit(iop[0], iop[1], iop[2], new Vec3(1, 0, 0)) : new Vec3(1, 0, 0);
        Vec3 col = hasGeometry ? unit(iop[3], iop[4], iop[5], new Vec3(0, 1, 0)) : new Vec3(0, 1, 0);
        double slope = ds.getDouble(Tag.RescaleSlope, 1);
        double intercept = ds.getDouble(Tag.RescaleIntercept, 0);
        if (slope == 0) {
            slope = 1; // a zero slope would erase the image; every reader treats it as absent
        }
        double[] offsets = ds.getDoubles(GRID_FRAME_OFFSET_VECTOR);
        Vec3 normal = row.cross(col).normalized();
        for (int f = 0; f < frames; f++) {
            Vec3 p = position;
            if (frames > 1 && offsets != null && offsets.length == frames) {
                p = position.add(normal.scale(offsets[f] - offsets[0]));
            } else if (frames > 1) {
                double step = ds.getDouble(Tag.SpacingBetweenSlices, ds.getDouble(Tag.SliceThickness, 1));
                p = position.add(normal.scale(step * f));
            }
            out.add(new ImageFrame(file, f, rows, columns, p, row, col, spacing[0], spacing[1],
                    slope, intercept, (instance << 20) + f, hasGeometry));
        }
        return out;
    }

    private static ImageFrame enhancedFrame(DicomFile file, int f, int rows, int columns,
                                            DicomDataset perFrame, DicomDataset shared, long instance) {
        DicomDataset position = FunctionalGroups.item(perFrame, shared, Tag.PlanePositionSequence);
        DicomDataset orientation = FunctionalGroups.item(perFrame, shared, Tag.PlaneOrientationSequence);
        DicomDataset measures = FunctionalGroups.item(perFrame, shared, Tag.PixelMeasuresSequence);
        DicomDataset transform = FunctionalGroups.item(perFrame, shared, Tag.PixelValueTransformationSequence);
        DicomDataset content = FunctionalGroups.item(perFrame, shared, Tag.FrameContentSequence);
        double[] ipp = position == null ? null : position.getDoubles(Tag.ImagePositionPatient);
        double[] iop = orientation == null ? null : orientation.getDoubles(Tag.ImageOrientationPatient);
        DicomDataset top = file.dataset();
        if (ipp == null) {
            ipp = top.getDoubles(Tag.ImagePositionPatient);
        }
        if (iop == null) {
            iop = top.getDoubles(Tag.ImageOrientationPatient);
        }
        boolean hasGeometry = ipp != null && ipp.length >= 3 && iop != null && iop.length >= 6;
        double[] spacing = measures != null ? pixelSpacing(measures) : pixelSpacing(top);
        double slope = transform != null ? transform.getDouble(Tag.RescaleSlope, 1) : top.getDouble(Tag.RescaleSlope, 1);
        double intercept = transform != null ? transform.getDouble(Tag.RescaleIntercept, 0) : top.getDouble(Tag.RescaleIntercept, 0);
        if (slope == 0) {
            slope = 1;
        }
        long temporal = content == null ? 0 : content.getInt(Tag.TemporalPositionIndex, 0);
        long order = (temporal << 40) + (instance << 20) + f;
        return new ImageFrame(file, f, rows, columns,
                hasGeometry ? new Vec3(ipp[0], ipp[1], ipp[2]) : Vec3.ZERO,
                hasGeometry ? unit(iop[0], iop[1], iop[2], new Vec3(1, 0, 0)) : new Vec3(1, 0, 0),
                hasGeometry ? unit(iop[3], iop[4], iop[5], new Vec3(0, 1, 0)) : new Vec3(0, 1, 0),
                spacing[0], spacing[1], slope, intercept, order, hasGeometry);
    }

    private static double[] pixelSpacing(DicomDataset ds) {
        double[] s = ds.getDoubles(Tag.PixelSpacing);
        if (s == null || s.length < 2 || !(s[0] > 0) || !(s[1] > 0)) {
            return new double[] {1, 1};
        }
        return new double[] {s[0], s[1]};
    }

    private static Vec3 unit(double x, double y, double z, Vec3 fallback) {
        Vec3 v = new Vec3(x, y, z);
        double n = v.norm();
        return n > 1e-6 && Double.isFinite(n) ? v.scale(1 / n) : fallback;
    }
}
