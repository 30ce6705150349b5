package dev.attest.app.open;

import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.labels.LabelValues;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.seg.Segment;
import dev.attest.dicom.seg.Segmentation;
import dev.attest.dicom.seg.SegmentationException;
import dev.attest.dicom.seg.SegmentationHeader;
import dev.attest.dicom.seg.SegmentationReader;
import dev.attest.dicom.seg.TargetGrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a label map with its names and colours. NIfTI: names from its own Caret XML extension,
 * else from an ITK-SNAP description beside it ({@code NAME.labels.txt}), else unnamed. DICOM
 * SEG: placed on the open series' grid (by position, else by source references), names and
 * colours from its segments; overlapping segments come as several layers.
 */
public final class LabelMapLoader {
    /**
     * A label map (one or more layers on any grid in the image's patient space; layers never
     * share a voxel's label), what its values mean, and which values occur.
     */
    public record LabelMap(List<Volume> layers, LabelDescriptions descriptions, String name, List<Integer> present,
            String notice) {
        public LabelMap {
            layers = List.copyOf(layers);
            present = List.copyOf(present);
            notice = notice == null ? "" : notice;
        }

        /** A label map shown as it was read, with nothing to tell the reader. */
        public LabelMap(List<Volume> layers, LabelDescriptions descriptions, String name, List<Integer> present) {
            this(layers, descriptions, name, present, "");
        }
    }

    private LabelMapLoader() {
    }

    /** NIfTI or DICOM SEG, told apart by the file name and, for DICOM, by its SOP class. */
    public static LabelMap load(Path file, OpenedImage image) throws IOException {
        return StudyScan.isNifti(file) ? loadNifti(file) : loadSegmentation(file, image);
    }

    public static LabelMap loadNifti(Path file) throws IOException {
        NiftiImage image = NiftiReader.read(file);
        LabelDescriptions names = LabelDescriptions.fromNifti(image);
        Path sidecar = LabelDescriptions.sidecarOf(file);
        if (names.isEmpty() && Files.isRegularFile(sidecar)) {
            names = LabelDescriptions.readItkSnap(sidecar);
        }
        return new LabelMap(List.of(image.volume()), names, file.getFileName().toString(), LabelValues.present(image.volume()));
    }

    /**
     * A DICOM SEG over the open image, which must share the image's frame of reference. Frames on
     * the image's own slice grid are placed voxel for voxel; a SEG whose frames lie on another
     * grid (other pixel size, rows/columns or origin, e.g. made on a resampled image) is read on
     * its own grid and resampled onto the image's by nearest neighbour, with a notice saying so.
     */
    public static LabelMap loadSegmentation(Path file, OpenedImage image) throws IOException {
        DicomFile dicom = DicomReader.read(file);
        if (!SegmentationHeader.isSegmentation(dicom)) {
            throw new IOException(file + ": not a DICOM Segmentation (open images with Open folder/files)");
        }
        TargetGrid target = image.stack() != null ? TargetGrid.of(image.stack()) : TargetGrid.of(image.volume().grid());
        Segmentation seg;
        List<Volume> layers;
        String notice = "";
        try {
            seg = SegmentationReader.read(dicom, target, false);
            layers = seg.layers();
        } catch (SegmentationException onTarget) {
            SegmentationHeader header = SegmentationHeader.of(dicom);
            String ownFrame = header.frameOfReferenceUid();
            if (!target.frameOfReferenceUid().isEmpty() && !ownFrame.isEmpty()
                    && !ownFrame.equals(target.frameOfReferenceUid())) {
                throw onTarget;
            }
            Segmentation own;
            try {
                own = SegmentationReader.readOnOwnGrid(dicom, false);
            } catch (SegmentationException noOwnGrid) {
                // Without positions of its own it can only be placed through the source references: report that failure.
                onTarget.addSuppressed(noOwnGrid);
                throw onTarget;
            }
            seg = own;
            layers = new ArrayList<>();
            for (Volume layer : own.layers()) {
                layers.add(NearestLabelResampler.resample(layer, target.grid()));
            }
            var g = own.grid();
            notice = String.format("resampled (nearest) from its own %dx%dx%d grid of %.3f x %.3f x %.3f mm onto the image's",
                    g.sizeX(), g.sizeY(), g.sizeZ(), g.spacing().x(), g.spacing().y(), g.spacing().z());
        }
        List<LabelDescription> names = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        List<Integer> inLayers = new ArrayList<>();
        for (Volume layer : layers) {
            inLayers.addAll(LabelValues.present(layer));
        }
        for (Segment s : seg.segments()) {
            names.add(new LabelDescription(s.number(), s.label(), s.displayRgb().orElse(defaultColour(s.number()))));
            if (inLayers.contains(s.number())) {
                present.add(s.number());
            }
        }
        return new LabelMap(layers, new LabelDescriptions(names), file.getFileName().toString(), present, notice);
    }

    private static int defaultColour(int number) {
        int[] palette = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF};
        return palette[(number - 1) % palette.length];
    }
}
