package dev.attest.app.open;

import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Opens a label map with its names and colours: from the NIfTI's own Caret XML extension, else
 * from an ITK-SNAP description beside it ({@code NAME.labels.txt}), else unnamed.
 */
public final class LabelMapLoader {
    /** A label map (any grid in the image's patient space), what its values mean, and which values occur. */
    public record LabelMap(Volume labels, LabelDescriptions descriptions, String name, List<Integer> present) {
    }

    private LabelMapLoader() {
    }

    public static LabelMap loadNifti(Path file) throws IOException {
        NiftiImage image = NiftiReader.read(file);
        LabelDescriptions names = LabelDescriptions.fromNifti(image);
        Path sidecar = LabelDescriptions.sidecarOf(file);
        if (names.isEmpty() && Files.isRegularFile(sidecar)) {
            names = LabelDescriptions.readItkSnap(sidecar);
        }
        return new LabelMap(image.volume(), names, file.getFileName().toString(), presentValues(image.volume()));
    }

    /** The non-zero values that occur, ascending: the legend lists only these. */
    public static List<Integer> presentValues(Volume v) {
        TreeSet<Integer> values = new TreeSet<>();
        var g = v.grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    int l = (int) Math.round(v.getStored(x, y, z));
                    if (l > 0) {
                        values.add(l);
                    }
                }
            }
        }
        return List.copyOf(values);
    }
}
