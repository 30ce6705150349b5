package dev.attest.app.gui;

import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.export.ExportOptions;
import dev.attest.app.export.ExportSummary;
import dev.attest.app.export.SetExporter;
import dev.attest.core.progress.Cancellation;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File ▸ Export benchmark set: the open project as a de-identified, documented set (the same as
 * {@code attest export}) written in the background with the window's progress bar and Cancel.
 */
final class SetExport {
    private SetExport() {
    }

    /** Asks where and what to write, then writes the set into a new folder named for the project. */
    static void run(MainWindow w) {
        ProjectStore store = w.project();
        if (store == null) {
            w.say("Open a project to export it");
            return;
        }
        Optional<ExportOptions> options = askOptions(w);
        if (options.isEmpty()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export benchmark set: choose the folder to write it in");
        File parent = chooser.showDialog(w.stage());
        if (parent == null) {
            return;
        }
        Path out = parent.toPath().resolve(store.folder().getFileName() + "-benchmark-set");
        Cancellation cancellation = new Cancellation();
        w.run("Exporting the benchmark set to " + out, new Task<ExportSummary>() {
            @Override
            protected ExportSummary call() throws Exception {
                return SetExporter.export(store, out, options.get(), (done, total, what) -> {
                    updateProgress(done, Math.max(total, 1));
                    updateMessage(what);
                }, cancellation);
            }
        }, cancellation, s -> w.say("Exported " + s.cases() + " cases, " + s.claims() + " claims and " + s.scores()
                + " scores to " + s.folder() + (s.zip() != null ? " and " + s.zip().getFileName() : "")
                + (s.redactions() > 0 ? "; " + s.redactions() + " identifiers redacted from text" : "")
                + (s.warnings().isEmpty() ? "" : "; " + s.warnings().size() + " warnings (see its README)")));
    }

    private static Optional<ExportOptions> askOptions(MainWindow w) {
        Dialog<ExportOptions> d = new Dialog<>();
        d.initOwner(w.stage());
        d.setTitle("Export benchmark set");
        d.setHeaderText("Cases, claims, evidence, scores (reviewers pseudonymised), metrics and a datasheet,"
                + " de-identified (DICOM PS3.15 Basic Profile)");
        CheckBox dicom = new CheckBox("Also the de-identified DICOM images");
        CheckBox zip = new CheckBox("Also as one zip file");
        CheckBox sites = new CheckBox("Keep site and scanner names (for stratification)");
        sites.setSelected(true);
        d.getDialogPane().setContent(new VBox(8, dicom, zip, sites,
                new Label("The UID map and key stay in the project folder and are never exported.")));
        ButtonType export = new ButtonType("Export...", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != export) {
                return null;
            }
            ExportOptions o = ExportOptions.DEFAULT.withDicom(dicom.isSelected()).withZip(zip.isSelected());
            return sites.isSelected() ? o : o.withDeid(dev.attest.dicom.deid.DeidOptions.basic());
        });
        return d.showAndWait();
    }
}
