package dev.attest.app.cli;

import dev.attest.app.gui.WorkstationLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code attest gui [PATH]}: the workstation window, optionally opening a series or NIfTI. */
@Command(name = "gui", description = "Open the workstation (MPR views), optionally on a DICOM folder/zip/file or NIfTI.")
public final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH")
    Path input;

    @Option(names = "--labels", paramLabel = "NIFTI", description = "a label map (NIfTI) to overlay, e.g. a segmentation of the series")
    Path labels;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "save the window as PNG once the image is shown, then quit")
    Path screenshot;

    @Override
    public Integer call() {
        WorkstationLauncher.launch(input, labels, screenshot);
        return 0;
    }
}
