package dev.attest.app.gui;

import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.edit.Mark;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.edit.EditSettings;
import dev.attest.app.edit.LabelEditor;
import dev.attest.app.open.LabelMapLoader;
import dev.attest.app.review.GeometryJson;
import dev.attest.app.review.ReviewSession;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.fx.SliceView;
import dev.attest.viewer.overlay.BoxMarker;
import dev.attest.viewer.overlay.Overlay;
import dev.attest.viewer.overlay.PointMarker;
import javafx.scene.control.TitledPane;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The label-editing mode of the main window: starts a {@link LabelEditor} on a copy of the label map on
 * screen (so the model's map stays as it was), shows the copy instead, gives every slice view the editing
 * tool, and saves the result as a corrected-mask artifact of the project case (with the points and boxes
 * placed), recording what it was derived from and who edited it.
 */
final class LabelEditing {
    private final MainWindow w;
    private final LabelEditPanel panel = new LabelEditPanel();
    private final TitledPane pane = new TitledPane("Edit labels", panel);
    private final List<Overlay> markOverlays = new ArrayList<>();
    private LabelEditor editor;
    private LabelMapLoader.LabelMap source;
    private Path sourceFile;
    private int savedMarks;

    LabelEditing(MainWindow w) {
        this.w = w;
        pane.setId("label-edit-pane");
        pane.setVisible(false);
        pane.setManaged(false);
        panel.setOnSettings(s -> {
            if (editor != null) {
                editor.setSettings(s);
                showState();
            }
        });
        panel.undo.setOnAction(e -> undo());
        panel.redo.setOnAction(e -> redo());
        panel.save.setOnAction(e -> save());
        panel.done.setOnAction(e -> {
            w.actions().get("tool.navigate").selectedProperty().set(true);
            w.foldClaimsWhileEditing(false);
        });
    }

    TitledPane pane() {
        return pane;
    }

    LabelEditPanel panel() {
        return panel;
    }

    /** The editor while a label map is being edited, else null. */
    LabelEditor editor() {
        return editor;
    }

    /**
     * Gives the views the editing tool, starting an editor on the label map on screen the first time (or when
     * another map was shown since). file is where that map came from (its provenance), null when unsaved.
     */
    void start(LabelMapLoader.LabelMap shown, Path file) {
        if (shown == null || w.imageProperty().get() == null) {
            w.say("Open or compute a label map to edit (File \u25B8 Open label map, or Models \u25B8 Run model)");
            w.actions().get("tool.navigate").selectedProperty().set(true);
            return;
        }
        if (editor == null || source != shown) {
            Volume labels = shown.layers().get(0);
            Volume image = w.imageProperty().get().volume();
            if (shown.layers().size() != 1) {
                w.say("This label map has overlapping layers; only a single-layer map can be edited");
                w.actions().get("tool.navigate").selectedProperty().set(true);
                return;
            }
            int first = w.currentClaimLabel().orElse(shown.present().stream().filter(v -> v > 0).findFirst().orElse(1));
            panel.setLabels(shown.present(), shown.descriptions(), first);
            EditSettings settings = panel.settings();
            try {
                editor = new LabelEditor(labels, image.grid().sameGeometry(labels.grid(), 1e-3) ? image : null,
                        settings != null ? settings : EditSettings.brush(first, 5));
            } catch (RuntimeException e) {
                w.say("cannot edit " + shown.name() + ": " + e.getMessage());
                w.actions().get("tool.navigate").selectedProperty().set(true);
                return;
            }
            LabelMapLoader.LabelMap copy = new LabelMapLoader.LabelMap(List.of(editor.labels()), shown.descriptions(),
                    shown.name() + " (edited)", shown.present());
            source = copy;
            sourceFile = file;
            savedMarks = 0;
            w.showLabelsForEditing(copy);
        }
        pane.setVisible(true);
        pane.setManaged(true);
        pane.setExpanded(true);
        w.foldClaimsWhileEditing(true);
        w.sliceViews().forEach(v -> v.setTool(new LabelEditTool(editor, this::changed)));
        showState();
    }

    /** The label map being edited is gone (new image, new map): forget the editor. */
    void reset() {
        editor = null;
        source = null;
        sourceFile = null;
        markOverlays.forEach(o -> w.overlayStack().remove(o));
        markOverlays.clear();
        pane.setVisible(false);
        pane.setManaged(false);
    }

    /** Whether labels is the copy this editor works on (so showing it must not restart the editor). */
    boolean isEditing(LabelMapLoader.LabelMap labels) {
        return editor != null && labels == source;
    }

    void undo() {
        if (editor != null && editor.undo()) {
            changed(false);
        }
    }

    void redo() {
        if (editor != null && editor.redo()) {
            changed(false);
        }
    }

    private void changed(boolean during) {
        w.sliceViews().forEach(SliceView::overlayVoxelsChanged);
        if (!during) {
            showMarks();
            w.refreshLabels3d();
            showState();
        }
    }

    private void showState() {
        if (editor == null) {
            return;
        }
        panel.undo.setDisable(!editor.canUndo());
        panel.redo.setDisable(!editor.canRedo());
        panel.showState(String.format(Locale.ROOT, "%,d voxels changed, %d marks", editor.changedVoxelCount(),
                editor.marks().size()));
    }

    private void showMarks() {
        markOverlays.forEach(o -> w.overlayStack().remove(o));
        markOverlays.clear();
        int n = 0;
        for (Mark m : editor.marks()) {
            n++;
            Overlay o = switch (m) {
                case Mark.Point p -> new PointMarker("point " + n + " (label " + p.label() + ")", p.lps(), 0xFFD400, true);
                case Mark.Box b -> {
                    Vec3[] corners = editor.outerCorners(b);
                    yield new BoxMarker("box " + n + " (label " + b.label() + ")", corners[0], corners[1], 0xFFD400, true);
                }
            };
            markOverlays.add(o);
            w.overlayStack().add(o);
        }
    }

    /**
     * Saves the corrected map and the marks not saved yet: into the project as artifacts and corrected
     * annotations of the case on screen when there is one, else into a folder the user picks.
     */
    void save() {
        if (editor == null) {
            return;
        }
        if (sourceFile == null || !Files.isRegularFile(sourceFile)) {
            w.say("This label map is not in a file yet: add the case to the project first (Ctrl+Shift+A), so the"
                    + " corrected mask can record what it was derived from");
            return;
        }
        ReviewSession review = w.review();
        Long caseId = w.imageCaseId();
        try {
            if (review != null && caseId != null) {
                saveToProject(review, caseId);
            } else {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Folder for the corrected mask");
                File dir = chooser.showDialog(w.stage());
                if (dir != null) {
                    saveToFolder(dir.toPath());
                }
            }
        } catch (IOException | RuntimeException e) {
            w.say("could not save the corrected mask: " + e.getMessage());
        }
    }

    /** Writes name.nii.gz and name.json into folder; the editor is the user's login name. */
    CorrectedMask saveToFolder(Path folder) throws IOException {
        String name = "corrected-" + System.currentTimeMillis();
        CorrectedMask m = editor.save(sourceFile, System.getProperty("user.name", "unknown"), folder, name);
        w.say("Saved " + m.path() + " (" + m.operations().size() + " operations)");
        return m;
    }

    /** Imports the corrected mask and its sidecar into the project and records them, and the new marks, for the case. */
    CorrectedMask saveToProject(ReviewSession review, long caseId) throws IOException {
        ProjectStore store = review.store();
        String reviewer = review.reviewer().name().replaceAll("[^A-Za-z0-9_-]", "_");
        String name = "case-" + caseId + "-corrected-" + reviewer + "-" + System.currentTimeMillis();
        Path tmp = Files.createTempDirectory("attest-corrected");
        try {
            CorrectedMask m = editor.save(sourceFile, review.reviewer().name(), tmp, name);
            store.importArtifact(m.sidecar(), name + ".json");
            ArtifactRef mask = store.importArtifact(m.path(), name + ".nii.gz");
            Optional<WorklistItem> claim = review.currentClaim().filter(i -> i.reviewCase().id() == caseId);
            Long claimId = claim.map(i -> i.claim().id()).orElse(null);
            Long derivedFrom = claim.flatMap(i -> store.evidence(i.claim().id()).stream()
                    .filter(e -> e.kind() == EvidenceKind.MASK).map(Evidence::id).findFirst()).orElse(null);
            long editorId = review.reviewer().id();
            store.addCorrection(new CorrectionDraft(caseId, claimId, AnnotationKind.MASK, mask, null, derivedFrom, editorId));
            List<Mark> marks = editor.marks();
            for (Mark mark : marks.subList(Math.min(savedMarks, marks.size()), marks.size())) {
                store.addCorrection(new CorrectionDraft(caseId, claimId, mark instanceof Mark.Box ? AnnotationKind.BOX
                        : AnnotationKind.POINT, null, geometryJson(mark), derivedFrom, editorId));
            }
            savedMarks = marks.size();
            w.say("Saved corrected mask " + mask.relativePath() + " to the project (" + m.operations().size() + " operations)");
            return m;
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    /** A point or box as the project stores it: label, LPS millimetres, and for a box its voxel corners. */
    static String geometryJson(Mark mark) {
        return switch (mark) {
            case Mark.Point p -> String.format(Locale.ROOT, "{\"label\":%d,\"point_lps_mm\":%s}", p.label(),
                    GeometryJson.lps(p.lps()));
            case Mark.Box b -> String.format(Locale.ROOT,
                    "{\"label\":%d,\"min_lps_mm\":%s,\"max_lps_mm\":%s,\"min_index\":[%d,%d,%d],\"max_index\":[%d,%d,%d]}",
                    b.label(), GeometryJson.lps(b.minLps()), GeometryJson.lps(b.maxLps()),
                    b.box().min().i(), b.box().min().j(), b.box().min().k(),
                    b.box().max().i(), b.box().max().j(), b.box().max().k());
        };
    }
}
