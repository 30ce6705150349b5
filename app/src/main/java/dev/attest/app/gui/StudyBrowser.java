package dev.attest.app.gui;

import dev.attest.app.open.StudyScan;
import dev.attest.dicom.series.DicomSeries;
import dev.attest.dicom.series.DicomStudy;
import dev.attest.dicom.series.StackGeometry;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The study/series browser: studies, their series (one row per volume when a series splits),
 * and NIfTI files. A series with warnings is marked ⚠ and its warnings show as a tooltip-like
 * second line. Double-click or Enter opens the row.
 */
final class StudyBrowser extends TreeView<StudyBrowser.Row> {
    /** What a row stands for. */
    sealed interface Row permits StudyRow, SeriesRow, SegRow, NiftiRow, GroupRow {
        String text();
    }

    record StudyRow(DicomStudy study) implements Row {
        public String text() {
            String date = study.date() == null || study.date().length() != 8 ? "" : study.date().substring(0, 4) + "-"
                    + study.date().substring(4, 6) + "-" + study.date().substring(6) + "  ";
            return date + (study.description() == null || study.description().isBlank() ? "Study" : study.description());
        }
    }

    record SeriesRow(DicomSeries series, StackGeometry stack, int volumeNumber) implements Row {
        public String text() {
            var g = stack.grid();
            String name = series.description().isBlank() ? "(no description)" : series.description();
            String part = series.stacks().size() > 1 ? " [volume " + volumeNumber + " of " + series.stacks().size() + "]" : "";
            boolean warn = !series.warnings().isEmpty() || !stack.warnings().isEmpty();
            return (warn ? "\u26A0 " : "") + "#" + series.seriesNumber() + " " + series.modality() + " " + name + part
                    + "\n    " + g.sizeX() + "\u00D7" + g.sizeY() + "\u00D7" + g.sizeZ();
        }
    }

    /** A DICOM SEG object: opening it lays its segments over the image on screen. */
    record SegRow(DicomSeries series) implements Row {
        public String text() {
            return "SEG " + (series.description().isBlank() ? "segmentation" : series.description())
                    + "\n    " + series.instances().size() + " object(s), opens over the image";
        }

        Path file() {
            return Path.of(series.instances().get(0).source());
        }
    }

    record NiftiRow(Path file) implements Row {
        public String text() {
            return file.getFileName().toString();
        }
    }

    record GroupRow(String text) implements Row {
    }

    StudyBrowser(Consumer<Row> onOpen) {
        super(new TreeItem<>(new GroupRow("Studies")));
        setId("study-browser");
        setShowRoot(false);
        setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.text());
                setStyle(row instanceof SeriesRow s && (!s.series().warnings().isEmpty() || !s.stack().warnings().isEmpty())
                        ? "-fx-text-fill: #b35900;" : "");
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected(onOpen);
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(onOpen);
                e.consume();
            }
        });
    }

    private void openSelected(Consumer<Row> onOpen) {
        TreeItem<Row> item = getSelectionModel().getSelectedItem();
        if (item != null && (item.getValue() instanceof SeriesRow || item.getValue() instanceof NiftiRow
                || item.getValue() instanceof SegRow)) {
            onOpen.accept(item.getValue());
        }
    }

    /** Shows a scan; returns the row to open first (the largest volume), or null when nothing is viewable. */
    Row show(StudyScan scan) {
        TreeItem<Row> root = getRoot();
        root.getChildren().clear();
        Row first = null;
        long firstVoxels = -1;
        for (DicomStudy study : scan.studies()) {
            TreeItem<Row> studyItem = new TreeItem<>(new StudyRow(study));
            studyItem.setExpanded(true);
            for (DicomSeries series : study.series()) {
                if ("SEG".equals(series.modality())) {
                    studyItem.getChildren().add(new TreeItem<>(new SegRow(series)));
                    continue;
                }
                for (int i = 0; i < series.stacks().size(); i++) {
                    SeriesRow row = new SeriesRow(series, series.stacks().get(i), i + 1);
                    studyItem.getChildren().add(new TreeItem<>(row));
                    var g = row.stack().grid();
                    long voxels = (long) g.sizeX() * g.sizeY() * g.sizeZ();
                    if (voxels > firstVoxels) {
                        first = row;
                        firstVoxels = voxels;
                    }
                }
            }
            root.getChildren().add(studyItem);
        }
        if (!scan.niftiFiles().isEmpty()) {
            TreeItem<Row> group = new TreeItem<>(new GroupRow("NIfTI"));
            group.setExpanded(true);
            scan.niftiFiles().forEach(p -> group.getChildren().add(new TreeItem<>(new NiftiRow(p))));
            root.getChildren().add(group);
            if (first == null) {
                first = group.getChildren().get(0).getValue();
            }
        }
        return first;
    }

    /** Marks a row as the one on screen. */
    void select(Row row) {
        for (TreeItem<Row> group : getRoot().getChildren()) {
            for (TreeItem<Row> item : group.getChildren()) {
                if (item.getValue().equals(row)) {
                    getSelectionModel().select(item);
                    return;
                }
            }
        }
    }
}
