package dev.attest.app.gui;

import dev.attest.app.settings.EngineSettings;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.EngineInfo;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.Engines;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * The inference engine in two lines of the side panel: what runs models (engine, version, device,
 * threads) and the device the user prefers (Auto, CPU, GPU), saved with the user settings. Starting
 * the engine unpacks native libraries for a few seconds, so it happens when a model first runs or
 * when the user presses Check, never while the window opens.
 */
final class EnginePanel extends VBox {
    private final EngineSettings settings;
    private final Label info = new Label();
    private final ComboBox<DeviceChoice> device = new ComboBox<>(FXCollections.observableArrayList(DeviceChoice.values()));
    private final Button check = new Button("Check");
    private final Executor background;

    EnginePanel(EngineSettings settings, Executor background, java.util.function.Consumer<String> onMessage) {
        super(4);
        this.settings = settings;
        this.background = background;
        Label title = new Label("Engine");
        title.setStyle("-fx-font-weight: bold;");
        info.setId("engine-info");
        info.setWrapText(true);
        device.setId("engine-device");
        device.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeviceChoice d) {
                return d == null ? "" : switch (d) {
                    case AUTO -> "Auto";
                    case CPU -> "CPU";
                    case GPU -> "GPU";
                };
            }

            @Override
            public DeviceChoice fromString(String s) {
                return DeviceChoice.parse(s);
            }
        });
        device.setValue(settings.device());
        device.valueProperty().addListener((o, was, now) -> {
            try {
                settings.setDevice(now);
                showNotStarted();
            } catch (IOException e) {
                onMessage.accept("could not save the engine settings: " + e.getMessage());
            }
        });
        check.setId("engine-check");
        check.setOnAction(e -> start());
        Label deviceLabel = new Label("Device");
        HBox row = new HBox(6, deviceLabel, device, check);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, info, row);
        showNotStarted();
        if (settings.problem() != null) {
            onMessage.accept(settings.problem());
        }
    }

    DeviceChoice deviceChoice() {
        return device.getValue();
    }

    private void showNotStarted() {
        info.setText(EngineKind.PYTORCH.djlName() + ": starts with the first model \u00B7 " + Engines.threads() + " threads");
    }

    /** Starts the engine in the background on the chosen device and shows what it reports. */
    void start() {
        DeviceChoice choice = device.getValue();
        info.setText("Starting " + EngineKind.PYTORCH.djlName() + " \u2026");
        check.setDisable(true);
        background.execute(() -> {
            String text;
            try {
                EngineInfo e = Engines.info(EngineKind.PYTORCH, Engines.device(choice, EngineKind.PYTORCH));
                text = describe(e);
            } catch (RuntimeException ex) {
                text = ex.getMessage();
            }
            String shown = text;
            Platform.runLater(() -> {
                info.setText(shown);
                check.setDisable(false);
            });
        });
    }

    /** "PyTorch 2.7.1 · cpu() · 2 threads": what ran, for the reader and the provenance record alike. */
    static String describe(EngineInfo e) {
        return e.engine() + " " + e.version() + " \u00B7 " + deviceName(e.device()) + " \u00B7 " + e.threads() + " threads";
    }

    /** DJL's "cpu()" / "gpu(0)" as a reader says it: "CPU" / "GPU 0". */
    static String deviceName(String djl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(cpu|gpu)\\((\\d*)\\)").matcher(djl);
        if (!m.matches()) {
            return djl;
        }
        String kind = m.group(1).toUpperCase(java.util.Locale.ROOT);
        return kind.equals("GPU") && !m.group(2).isEmpty() ? kind + " " + m.group(2) : kind;
    }

    /** Shows the engine a model actually ran on (called once a model is loaded). */
    void show(EngineInfo e) {
        info.setText(describe(e));
    }
}
