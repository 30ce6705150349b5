package dev.attest.app.review;

import dev.attest.app.open.OpenedImage;
import dev.attest.dicom.series.ImageFrame;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How a case names its image in a project, one rule for the GUI and the command line: the study reference
 * is {@code series:<Series Instance UID>} for DICOM and the absolute file for NIfTI; the image reference is
 * where the image can be read again (the folder holding the series' files, or the NIfTI file).
 */
public final class CaseRefs {
    /** Prefix of a study reference that is a DICOM Series Instance UID. */
    public static final String SERIES = "series:";

    private CaseRefs() {
    }

    /** The study reference of an opened image. */
    public static String studyRef(OpenedImage opened) {
        if (opened.seriesInstanceUid() != null && !opened.seriesInstanceUid().startsWith("derived:")) {
            return SERIES + opened.seriesInstanceUid();
        }
        String ref = imageRef(opened);
        return ref != null ? ref : opened.title();
    }

    /** Where the opened image can be read again, or null when it came from nowhere on disk (a demo phantom). */
    public static String imageRef(OpenedImage opened) {
        if (opened.stack() != null && !opened.stack().frames().isEmpty()) {
            Path folder = commonFolder(opened.stack().frames().stream().map(ImageFrame::file).map(f -> f.source()).toList());
            return folder == null ? null : folder.toString();
        }
        String file = opened.volume().properties().get("source.file");
        if (file == null) {
            return null;
        }
        Path p = Path.of(file).toAbsolutePath().normalize();
        return Files.isRegularFile(p) ? p.toString() : null;
    }

    /** The Series Instance UID a study reference names, or null when it names a file. */
    public static String seriesUid(String studyRef) {
        if (studyRef.startsWith(SERIES)) {
            return studyRef.substring(SERIES.length());
        }
        // Projects made before the prefix existed stored the bare UID.
        return studyRef.matches("[0-9]+(\\.[0-9]+)+") ? studyRef : null;
    }

    /** The deepest folder holding every file, or null when a source is not a plain file (a zip entry). */
    public static Path commonFolder(java.util.List<String> sources) {
        Path common = null;
        for (String s : sources) {
            Path parent;
            try {
                Path p = Path.of(s);
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                parent = p.toAbsolutePath().normalize().getParent();
            } catch (InvalidPathException e) {
                return null;
            }
            if (common == null) {
                common = parent;
            } else {
                while (common != null && !parent.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common;
    }
}
