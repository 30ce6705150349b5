package dev.attest.app.gui;

import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.registry.ImportResult;
import dev.attest.inference.registry.ModelImporter;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.registry.RegistryEntry;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The models Attest can run (built-in and imported), each with its status; imports a model folder and
 * verifies a model's files against its manifest. Hashing and copying run off the FX thread; the
 * message line says what happened, and the detail line shows the licence or, for a broken entry, why.
 */
final class ModelsDialog extends Dialog<ButtonType> {
    private final ModelRegistry registry;
    private final TableView<RegistryEntry> table = new TableView<>();
    private final Label message = new Label();
    private final Label detail = new Label();
    private final Button importButton = new Button("Import folder\u2026");
    private final Button verifyButton = new Button("Verify");
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attest-models");
        t.setDaemon(true);
        return t;
    });

    ModelsDialog(ModelRegistry registry, Window owner) {
        this.registry = registry;
        initOwner(owner);
        setTitle("Models");
        setHeaderText("Models Attest can run. Imported models live in " + registry.userDir());
        setResizable(true);
        table.setId("models-table");
        table.getColumns().setAll(java.util.List.of(
                column("ID", 150, RegistryEntry::id),
                column("Name", 300, e -> text(e, ModelManifest::name)),
                column("Version", 70, e -> text(e, ModelManifest::version)),
                column("Task", 100, e -> text(e, m -> m.task() == null ? null : m.task().name().toLowerCase(Locale.ROOT))),
                column("Engine", 80, e -> text(e, m -> m.engine() != null ? m.engine() : m.format().name().toLowerCase(Locale.ROOT))),
                column("Origin", 70, e -> e.origin().display()),
                column("Status", 80, e -> registry.status(e).display())));
        table.setPrefSize(900, 220);
        table.setPlaceholder(new Label("No models yet: import a model folder or a MONAI bundle."));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showDetail(now));
        message.setId("models-message");
        detail.setId("models-detail");
        detail.setWrapText(true);
        detail.setStyle("-fx-text-fill: #555;");
        importButton.setId("models-import");
        verifyButton.setId("models-verify");
        importButton.setOnAction(e -> chooseFolder());
        verifyButton.setOnAction(e -> {
            RegistryEntry selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                verify(selected.id());
            }
        });
        verifyButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, importButton, verifyButton, gap, message);
        VBox box = new VBox(8, table, detail, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setOnHidden(e -> worker.shutdownNow());
        refresh();
        if (!table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private static TableColumn<RegistryEntry, String> column(String title, double width, Function<RegistryEntry, String> value) {
        TableColumn<RegistryEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String text(RegistryEntry e, Function<ModelManifest, String> f) {
        if (e.manifest() == null) {
            return "\u2013";
        }
        String s = f.apply(e.manifest());
        return s == null || s.isBlank() ? "\u2013" : s;
    }

    TableView<RegistryEntry> table() {
        return table;
    }

    Label message() {
        return message;
    }

    /** Lists the registry again, keeping the selection by id. */
    void refresh() {
        RegistryEntry selected = table.getSelectionModel().getSelectedItem();
        table.setItems(FXCollections.observableArrayList(registry.list()));
        if (selected != null) {
            table.getItems().stream().filter(e -> e.id().equals(selected.id())).findFirst()
                    .ifPresent(e -> table.getSelectionModel().select(e));
        }
        table.refresh();
    }

    private void showDetail(RegistryEntry e) {
        if (e == null) {
            detail.setText("");
        } else if (e.isBroken()) {
            detail.setText("Broken: " + e.problem());
        } else {
            ModelManifest m = e.manifest();
            detail.setText((m.description() == null ? "" : m.description() + "\n") + "Licence: "
                    + (m.licence() == null ? "not stated" : m.licence()) + "    Folder: " + e.folder());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import a model folder (manifest.json, MONAI bundle or TF.js model)");
        File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
        if (dir != null) {
            importFolder(dir.toPath());
        }
    }

    /** Imports a folder in the background, then lists it selected. */
    void importFolder(Path folder) {
        message.setText("Importing " + folder.getFileName() + " \u2026");
        worker.submit(() -> {
            try {
                ImportResult r = registry.importModel(ModelImporter.standard(), folder, ModelImporter.Options.defaults());
                Platform.runLater(() -> {
                    refresh();
                    table.getItems().stream().filter(e -> e.id().equals(r.manifest().id())).findFirst()
                            .ifPresent(e -> table.getSelectionModel().select(e));
                    message.setText("Imported " + r.manifest().id() + " (" + r.sourceKind() + ")"
                            + (r.notes().isEmpty() ? "" : "; " + r.notes().size() + " note(s): " + String.join("; ", r.notes())));
                });
            } catch (Exception | Error ex) {
                Platform.runLater(() -> message.setText("Import failed: " + ex.getMessage()));
            }
        });
    }

    /** Verifies one model's files in the background; the table shows the new status. */
    void verify(String id) {
        message.setText("Verifying " + id + " \u2026");
        worker.submit(() -> {
            String result;
            try {
                registry.verify(id);
                result = id + ": every file matches its sha256";
            } catch (RuntimeException ex) {
                result = ex.getMessage();
            }
            String shown = result;
            Platform.runLater(() -> {
                refresh();
                message.setText(shown);
            });
        });
    }
}
