package dev.attest.app.gui;

import dev.attest.app.export.ImportResult;
import dev.attest.app.export.SetImporter;
import dev.attest.core.progress.Cancellation;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * File ▸ Import benchmark set: a set (its folder or zip) rebuilt as a project, every sha256 checked and the
 * metrics recomputed against its metrics.json (the same as {@code attest import-set}), then opened for review.
 */
final class SetImport {
    private SetImport() {
    }

    /** Asks for the set (its croissant.json, or its zip), where to put the project and who reviews, then imports. */
    static void run(MainWindow w) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import benchmark set: choose its croissant.json, or its zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Benchmark set", "croissant.json", "*.zip"));
        File chosen = chooser.showOpenDialog(w.stage());
        if (chosen == null) {
            return;
        }
        Path set = setOf(chosen.toPath());
        DirectoryChooser where = new DirectoryChooser();
        where.setTitle("Import benchmark set: choose the folder to create the project in");
        File parent = where.showDialog(w.stage());
        if (parent == null) {
            return;
        }
        w.askReviewer().ifPresent(reviewer -> importInto(w, set, freshFolder(parent.toPath(), projectName(set)), reviewer));
    }

    /** The set a chosen file stands for: the folder of a croissant.json, or the zip itself. */
    static Path setOf(Path chosen) {
        return chosen.getFileName().toString().equals("croissant.json") ? chosen.toAbsolutePath().getParent() : chosen;
    }

    /** "lung-v1" for lung-v1/ or lung-v1.zip, plus "-project". */
    static String projectName(Path set) {
        String name = set.getFileName().toString();
        return (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name)
                + "-project";
    }

    /** parent/name, or parent/name-2, -3, ... when taken: an import never writes into an existing folder. */
    static Path freshFolder(Path parent, String name) {
        Path p = parent.resolve(name);
        for (int n = 2; Files.exists(p); n++) {
            p = parent.resolve(name + "-" + n);
        }
        return p;
    }

    /**
     * Imports set into the new folder project on the window's background task and opens it as reviewer. A failed
     * or cancelled import removes the folder again; metrics that do not reproduce are listed in a window.
     */
    static void importInto(MainWindow w, Path set, Path project, String reviewer) {
        Cancellation cancellation = new Cancellation();
        w.run("Importing " + set.getFileName(), new Task<ImportResult>() {
            @Override
            protected ImportResult call() throws Exception {
                try {
                    return SetImporter.importSet(set, project, (done, total, what) -> {
                        updateProgress(done, Math.max(total, 1));
                        updateMessage(what);
                    }, cancellation);
                } catch (IOException | RuntimeException e) {
                    delete(project);
                    throw e;
                }
            }
        }, cancellation, r -> {
            w.openProject(project, reviewer);
            resultWindow(w, set, project, r).show();
        });
    }

    /**
     * What the import found, in a window that does not block (opening the project moves on to its first case and
     * takes the status line): counts, files verified, and whether the metrics reproduce, with the differences.
     */
    static Alert resultWindow(MainWindow w, Path set, Path project, ImportResult r) {
        Alert a = new Alert(r.reproduced() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        a.initOwner(w.stage());
        a.initModality(Modality.NONE);
        a.setTitle(r.reproduced() ? "Benchmark set imported" : "Benchmark set imported: metrics do not reproduce");
        a.setHeaderText("Imported " + set.getFileName() + " into " + project + ": " + SetExport.count(r.cases(), "case")
                + ", " + SetExport.count(r.claims(), "claim") + ", " + SetExport.count(r.scores(), "score") + " by "
                + SetExport.count(r.reviewers(), "reviewer") + "; " + SetExport.count(r.filesVerified(), "file")
                + " match their sha256");
        if (r.reproduced()) {
            a.setContentText("The metrics recomputed from the rebuilt project equal the set's metrics.json exactly.");
        } else {
            TextArea text = new TextArea("The metrics recomputed from the rebuilt project differ from the set's"
                    + " metrics.json: the set was changed after export, or was made by another version ("
                    + r.setVersion() + "). First differences:\n" + String.join("\n", r.differences()));
            text.setEditable(false);
            text.setWrapText(true);
            a.getDialogPane().setContent(text);
        }
        a.getDialogPane().setPrefWidth(640);
        return a;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A half-built project left behind is reported by the failure message; nothing the user saved is in it.
        }
    }
}
