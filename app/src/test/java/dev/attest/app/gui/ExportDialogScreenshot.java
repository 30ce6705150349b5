package dev.attest.app.gui;

import dev.attest.viewer.fx.PngWriter;
import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Not a test: shows File ▸ Export benchmark set's dialog (or, with a second argument "import", an import's result) on a real display (Xvfb) and saves it as PNG (argument). */
public final class ExportDialogScreenshot {
    public static void main(String[] args) throws Exception {
        Platform.startup(() -> { });
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                MainWindow w = new MainWindow(new Stage());
                w.show();
                Dialog<?> d = args.length > 1 && args[1].equals("import")
                        ? SetImport.resultWindow(w, Path.of("/data/sets/lung-v1.zip"), Path.of("/data/projects/lung-v1-project"),
                                new dev.attest.app.export.ImportResult(Path.of("/data/projects/lung-v1-project"), 164, 20, 260,
                                        520, 2, "development", false, java.util.List.of("$.overall.claimPrecision.value: 0.91"
                                        + " in the set, 0.89 recomputed", "$.overall.scores: 520 in the set, 519 recomputed")))
                        : SetExport.dialog(w, "chest-ct-reader-study");
                d.show();
                Platform.runLater(() -> {
                    try {
                        PngWriter.write(d.getDialogPane().getScene().snapshot(null), Path.of(args[0]));
                        done.complete(null);
                    } catch (Exception e) {
                        done.completeExceptionally(e);
                    }
                });
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
        System.exit(0);
    }
}
