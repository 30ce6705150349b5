package dev.attest.app.cli;

import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code attest info} report for a NIfTI file. */
final class NiftiInfo {
    private NiftiInfo() {
    }

    static boolean isNifti(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase();
        return name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    static Map<String, Object> of(Path path) throws IOException {
        NiftiImage image = NiftiReader.read(path);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", path.toString());
        m.put("format", "NIfTI");
        m.put("datatype", image.volume().type().name().toLowerCase());
        m.putAll(SeriesReport.grid(image.volume().grid()));
        m.put("extensions", image.extensions().size());
        m.put("warnings", image.warnings());
        return m;
    }
}
