package dev.attest.app.gui;

import dev.attest.app.open.OpenedImage;
import dev.attest.dicom.series.DicomScanner;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * What is on screen: name, size, spacing and orientation, and the safety cues (tilt, gaps,
 * non-uniform spacing, lossy compression, split series, skipped files) in an amber box that
 * cannot be missed, never hidden.
 */
final class SeriesPanel extends VBox {
    private final Label info = new Label("No image open");
    private final Label warnings = new Label();
    private final Label problems = new Label();

    SeriesPanel() {
        super(6);
        Label title = new Label("Series");
        title.setStyle("-fx-font-weight: bold;");
        info.setWrapText(true);
        info.setId("series-info");
        warnings.setWrapText(true);
        warnings.setId("series-warnings");
        warnings.setStyle("-fx-text-fill: #5a2d00; -fx-background-color: #ffd27f; -fx-padding: 6;"
                + " -fx-background-radius: 4; -fx-font-weight: bold;");
        warnings.setManaged(false);
        warnings.setVisible(false);
        problems.setWrapText(true);
        problems.setId("series-problems");
        problems.setStyle("-fx-text-fill: #a00000;");
        getChildren().addAll(title, info, warnings, problems);
    }

    void show(OpenedImage image) {
        var g = image.volume().grid();
        info.setText(image.title() + (image.modality().isEmpty() ? "" : "  (" + image.modality() + ")") + "\n"
                + g.sizeX() + " \u00D7 " + g.sizeY() + " \u00D7 " + g.sizeZ() + " voxels, " + g.orientationCode() + "\n"
                + String.format("spacing %.3g \u00D7 %.3g \u00D7 %.3g mm", g.spacing().x(), g.spacing().y(), g.spacing().z()));
        boolean any = !image.warnings().isEmpty();
        warnings.setText(String.join("\n", image.warnings().stream().map(w -> "\u26A0 " + w).toList()));
        warnings.setVisible(any);
        warnings.setManaged(any);
    }

    void showProblems(List<DicomScanner.Problem> list) {
        if (list.isEmpty()) {
            problems.setText("");
            return;
        }
        StringBuilder sb = new StringBuilder(list.size() + " file(s) could not be read and were skipped:");
        list.stream().limit(8).forEach(p -> sb.append("\n\u2022 ").append(p.source()).append(": ").append(p.message()));
        if (list.size() > 8) {
            sb.append("\n\u2026 and ").append(list.size() - 8).append(" more");
        }
        problems.setText(sb.toString());
    }
}
