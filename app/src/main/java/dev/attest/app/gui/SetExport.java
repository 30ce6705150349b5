package dev.attest.app.gui;

import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.export.ExportOptions;
import dev.attest.app.export.ExportSummary;
import dev.attest.app.export.SetExporter;
import dev.attest.core.progress.Cancellation;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;

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

    /** Asks what to write and where, then writes the set into a new folder under the set's name. */
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
        export(w, store, options.get(), parent.toPath().resolve(options.get().name()));
    }

    /**
     * Writes the set into out on the window's background task; when done, says what was written and shows what
     * was left out, if anything.
     */
    static void export(MainWindow w, ProjectStore store, ExportOptions options, Path out) {
        Cancellation cancellation = new Cancellation();
        w.run("Exporting the benchmark set to " + out, new Task<ExportSummary>() {
            @Override
            protected ExportSummary call() throws Exception {
                return SetExporter.export(store, out, options, (done, total, what) -> {
                    updateProgress(done, Math.max(total, 1));
                    updateMessage(what);
                }, cancellation);
            }
        }, cancellation, s -> {
            w.say("Exported " + count(s.cases(), "case") + ", " + count(s.claims(), "claim") + " and "
                    + count(s.scores(), "score") + " to " + s.folder() + (s.zip() != null ? " and " + s.zip().getFileName() : "")
                    + (s.redactions() > 0 ? "; " + s.redactions() + " identifiers redacted from text" : "")
                    + (s.warnings().isEmpty() ? "" : "; " + count(s.warnings().size(), "warning")));
            if (!s.warnings().isEmpty()) {
                warningsWindow(w, s).show();
            }
        });
    }

    /** "1 case", "2 cases". */
    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static Optional<ExportOptions> askOptions(MainWindow w) {
        return dialog(w, w.project().folder().getFileName().toString()).showAndWait();
    }

    /** The options dialog, its Export button on only while the form is valid. */
    static Dialog<ExportOptions> dialog(MainWindow w, String projectFolderName) {
        Dialog<ExportOptions> d = new Dialog<>();
        d.initOwner(w.stage());
        d.setTitle("Export benchmark set");
        d.setHeaderText("Cases, claims, evidence, scores (reviewers pseudonymised), metrics, DICOM SEG and SR, COCO and"
                + " RadFact, and a datasheet, de-identified (DICOM PS3.15 Basic Profile)");
        SetExportForm form = new SetExportForm(projectFolderName);
        d.getDialogPane().setContent(form.pane());
        // A fixed width lets the header wrap instead of stretching the dialog across the screen.
        d.getDialogPane().setPrefWidth(600);
        ButtonType export = new ButtonType("Export...", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(export).disableProperty().bind(form.validProperty().not());
        d.setResultConverter(b -> b == export ? form.options().orElse(null) : null);
        return d;
    }

    /**
     * What the export left out and why, in a window the user can read and copy; not modal, so the work goes on.
     * Warnings may name paths and project ids: they are for the user, never written into the set.
     */
    static Alert warningsWindow(MainWindow w, ExportSummary s) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(w.stage());
        a.initModality(Modality.NONE);
        a.setTitle("Benchmark set exported with warnings");
        a.setHeaderText(s.warnings().size() + (s.warnings().size() == 1 ? " thing was" : " things were")
                + " left out of " + s.folder().getFileName() + "; the set's README counts them by reason");
        TextArea text = new TextArea(String.join("\n", s.warnings()));
        text.setEditable(false);
        text.setWrapText(true);
        text.setId("export-warnings");
        a.getDialogPane().setContent(text);
        return a;
    }
}
