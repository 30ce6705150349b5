package dev.attest.app.gui;

import dev.attest.core.phantom.CtPhantom;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.write.SeriesWriter;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The start of the review GUI tests: a 64×64×40 CT phantom written as a DICOM series, then a new project,
 * the series opened, the built-in demo model run on it and the case added from the keyboard (Ctrl+Shift+A).
 */
final class ModelCaseFixture {
    private ModelCaseFixture() {
    }

    /** Writes the phantom series into dir/dicom and returns that folder. */
    static Path writePhantomSeries(Path dir) throws Exception {
        CtPhantom.Result phantom = CtPhantom.generate(64, 64, 40, 5, 5, 0, 1);
        Path dicom = dir.resolve("dicom");
        SeriesWriter.write(phantom.ct(), dicom, SeriesWriter.SeriesInfo.ct("Test^Phantom", "T1", "phantom"),
                TransferSyntax.EXPLICIT_VR_LE);
        return dicom;
    }

    /** Creates the project as reviewer "ann", opens the series, runs demo-ct-seg and adds the case; waits for each. */
    static void scoreableCase(MainWindow window, FxRobot robot, Path projectDir, Path dicom) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.newProject(projectDir, "ann")).get();
        WaitForAsyncUtils.asyncFx(() -> window.open(List.of(dicom)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.imageProperty().get() != null && !window.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.runModel("demo-ct-seg"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.lastRun() != null && !window.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.claimsPanel().list().requestFocus()).get();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A); // Models > Add case to project
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.review() != null && !window.review().claims().isEmpty()
                && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
