package dev.attest.app.cli;

import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Uids;
import dev.attest.dicom.series.DicomSeries;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.write.SeriesWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code attest demo}: the built-in demo case. Writes the synthetic CT phantom as a DICOM series
 * with our own writer (once; it is reproducible), reads it back like any study, and converts it.
 */
@Command(name = "demo", description = "Write the built-in synthetic CT phantom as DICOM, read it back, convert it to NIfTI and open it in the workstation.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "where the demo case goes (default: ~/.cache/attest/demo)")
    Path dir;

    @Option(names = "--no-gui", description = "print the summary only, even when a display is available")
    boolean noGui;

    @Option(names = "--no-model", description = "show the ground truth only; do not run the built-in model")
    boolean noModel;

    /** The built-in segmentation model trained on this phantom's generator. */
    static final String DEMO_MODEL = "demo-ct-seg";
    /** The phantom's liver label: its probability map is the demo's heat map (the liver carries a lesion). */
    static final int LIVER = 4;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "open the workstation, save it as PNG once shown, then quit")
    Path screenshot;

    @Override
    public Integer call() throws Exception {
        Path root = dir != null ? dir : defaultDir();
        Path dicomDir = root.resolve("dicom");
        Path labels = root.resolve("phantom_labels.nii.gz");
        Path names = LabelDescriptions.sidecarOf(labels);
        // The names file is written last, so its absence also marks a case from an older Attest or an interrupted run.
        if (!Files.isDirectory(dicomDir) || !Files.exists(labels) || !Files.exists(names)) {
            System.out.println("Generating the CT phantom (body, lungs, liver, spleen, kidneys, spine, aorta, IVC, three lesions)...");
            deleteRecursively(dicomDir);
            CtPhantom.Result phantom = CtPhantom.generate(256, 256, 120, 1.4, 2.5, 12, 20260101L);
            SeriesWriter.SeriesInfo info = new SeriesWriter.SeriesInfo("CT", "1.2.840.10008.5.1.4.1.1.2",
                    "Phantom^Attest", "ATTEST-DEMO-1", Uids.fromName("attest-demo-study"), Uids.fromName("attest-demo-series"),
                    Uids.fromName("attest-demo-for"), 1, "Attest CT phantom", "Attest demo case", "20260101");
            SeriesWriter.write(phantom.ct(), dicomDir, info, TransferSyntax.EXPLICIT_VR_LE);
            NiftiWriter.write(phantom.labels(), labels);
            CtPhantom.labelDescriptions().writeItkSnap(names);
        }
        SeriesSelector.Opened opened = SeriesSelector.open(dicomDir, null, 1);
        DicomSeries series = opened.selection().series();
        StackGeometry stack = opened.selection().stack();
        var volume = opened.volume();
        Path nifti = root.resolve("phantom_ct.nii.gz");
        NiftiWriter.write(volume, nifti);
        System.out.println("Demo case: " + dicomDir + " (" + series.instances().size() + " DICOM files written by Attest)");
        System.out.printf("  series '%s' %s: %s, spacing %.2f x %.2f x %.2f mm, orientation %s%n", series.description(),
                series.modality(), dims(stack), stack.grid().spacing().x(), stack.grid().spacing().y(),
                stack.grid().spacing().z(), stack.grid().orientationCode());
        int cx = stack.grid().sizeX() / 2;
        int cy = stack.grid().sizeY() / 2;
        int cz = stack.grid().sizeZ() / 2;
        System.out.printf("  centre voxel (%d,%d,%d): %.0f HU%n", cx, cy, cz, volume.getPhysical(cx, cy, cz));
        System.out.println("  NIfTI: " + nifti);
        System.out.println("  ground-truth labels: " + labels + " (names and colours: " + names.getFileName() + ")");
        for (CtPhantom.Structure s : CtPhantom.STRUCTURES) {
            System.out.printf("    %2d %-18s %6.0f HU%n", s.label(), s.name(), s.hu());
        }
        System.out.println("Try: ./attest info " + dicomDir);
        if (!noGui && (screenshot != null || hasDisplay())) {
            System.out.println("Opening the workstation...");
            // The ground truth is shown first; the built-in model then runs on the case and its output
            // (labels + probability map) replaces it, so a failed run still leaves something to see.
            dev.attest.app.gui.WorkstationLauncher.launch(dicomDir, labels, screenshot, "2x2", "volume",
                    noModel ? null : DEMO_MODEL, LIVER);
        } else if (!noGui) {
            System.out.println("(no display: run ./attest gui " + dicomDir + " on a desktop to see it)");
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean hasDisplay() {
        String x = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (x != null && !x.isBlank()) || (wayland != null && !wayland.isBlank());
    }

    private static String dims(StackGeometry s) {
        return s.grid().sizeX() + "x" + s.grid().sizeY() + "x" + s.grid().sizeZ();
    }

    private static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("attest").resolve("demo");
    }
}
