package dev.attest.app.cli;

import dev.attest.app.gui.WorkstationLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code attest gui [PATH]}: the workstation window, optionally opening a series or NIfTI. */
@Command(name = "gui", description = "Open the workstation, optionally on a DICOM folder/zip/DICOMDIR/file or NIfTI.")
public final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH")
    Path input;

    @Option(names = "--labels", paramLabel = "FILE", description = "a label map to overlay: NIfTI (names from its Caret XML or NAME.labels.txt) or a DICOM SEG of the series")
    Path labels;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "2x2", description = "2x2 (default), axial, coronal, sagittal or 3d")
    String layout;

    @Option(names = "--3d", paramLabel = "MODE", defaultValue = "volume", description = "what the 3D view shows first: volume (ray casting) or surfaces (of the label map)")
    String threeD;

    @Option(names = "--model", paramLabel = "ID", description = "run this model (see `attest models list`) on the image once it is shown, and overlay its output")
    String model;

    @Option(names = "--evidence-class", paramLabel = "K", description = "with --model: show the probability of class K as a heat map")
    Integer evidenceClass;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "save the window as PNG once the image is shown, then quit")
    Path screenshot;

    @Override
    public Integer call() {
        WorkstationLauncher.launch(input, labels, screenshot, layout, threeD, model, evidenceClass);
        return 0;
    }
}
