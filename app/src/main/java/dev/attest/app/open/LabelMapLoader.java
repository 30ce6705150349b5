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
    public record LabelMap(List<Volume> layers, LabelDescriptions descriptions, String name, List<Integer> present) {
        public LabelMap {
            layers = List.copyOf(layers);
            present = List.copyOf(present);
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

    /** A DICOM SEG over the open image: it must share the image's frame of reference and slice grid. */
    public static LabelMap loadSegmentation(Path file, OpenedImage image) throws IOException {
        DicomFile dicom = DicomReader.read(file);
        if (!SegmentationHeader.isSegmentation(dicom)) {
            throw new IOException(file + ": not a DICOM Segmentation (open images with Open folder/files)");
        }
        TargetGrid target = image.stack() != null ? TargetGrid.of(image.stack()) : TargetGrid.of(image.volume().grid());
        Segmentation seg = SegmentationReader.read(dicom, target, false);
        List<LabelDescription> names = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        for (Segment s : seg.segments()) {
            names.add(new LabelDescription(s.number(), s.label(), s.displayRgb().orElse(defaultColour(s.number()))));
            if (seg.voxelCounts().getOrDefault(s.number(), 0L) > 0) {
                present.add(s.number());
            }
        }
        return new LabelMap(seg.layers(), new LabelDescriptions(names), file.getFileName().toString(), present);
    }

    private static int defaultColour(int number) {
        int[] palette = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF};
        return palette[(number - 1) % palette.length];
    }
}
