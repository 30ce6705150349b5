package dev.attest.app.gui;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.viewer.fx.BuiltInTool;
import dev.attest.viewer.fx.SliceView;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.measure.MeasurementKind;
import dev.attest.viewer.render.WindowLevel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Map;

/**
 * The workstation's actions, declared in one place with their default keys. Digits and letters
 * without modifiers stay free for the scoring keys of the review panel; view commands use single
 * letters that radiologists know from other viewers, layouts use Alt+digit, presets F-keys.
 */
final class WorkstationActions {
    private WorkstationActions() {
    }

    static void declare(MainWindow w, ActionRegistry a) {
        var image = w.hasImage();
        a.add(AppAction.of("file.open-folder", "Open folder...", "Shortcut+O", w::chooseFolder));
        a.add(AppAction.of("file.open-files", "Open files, zip or DICOMDIR...", "Shortcut+Shift+O", w::chooseFiles));
        a.add(AppAction.of("file.open-labels", "Open label map or DICOM SEG...", "Shortcut+L", w::chooseLabels)).enabledWhen(image);
        a.add(AppAction.of("file.open-heatmap", "Open heat map...", "Shortcut+H", w::chooseHeatMap)).enabledWhen(image);
        a.add(AppAction.of("file.save-view", "Save view as PNG...", "Shortcut+S", () -> w.saveView(1))).enabledWhen(image);
        a.add(AppAction.of("file.save-view-hires", "Save view as PNG for posters (4\u00D7)...", "Shortcut+Shift+S",
                () -> w.saveView(4))).enabledWhen(image);
        a.add(AppAction.of("file.copy-view", "Copy view", "Shortcut+C", w::copyView)).enabledWhen(image);
        a.add(AppAction.of("file.keymap", "Key map...", "Shortcut+K", w::showKeyMapEditor));
        a.add(AppAction.of("file.models", "Models...", "", w::showModels));
        a.add(AppAction.of("model.run", "Run model...", "Shortcut+R", w::chooseModel)).enabledWhen(image);
        a.add(AppAction.of("model.probe", "Robustness probe...", "", () -> RobustnessProbe.run(w))).enabledWhen(image);
        a.add(AppAction.of("file.quit", "Quit", "Shortcut+Q", w::quit));

        a.add(AppAction.of("view.layout-2x2", "2\u00D72 layout", "Alt+0", () -> layout(w, ViewportGrid.Layout.GRID_2X2)));
        a.add(AppAction.of("view.layout-axial", "Axial only", "Alt+1", () -> layout(w, ViewportGrid.Layout.AXIAL)));
        a.add(AppAction.of("view.layout-coronal", "Coronal only", "Alt+2", () -> layout(w, ViewportGrid.Layout.CORONAL)));
        a.add(AppAction.of("view.layout-sagittal", "Sagittal only", "Alt+3", () -> layout(w, ViewportGrid.Layout.SAGITTAL)));
        a.add(AppAction.of("view.layout-3d", "3D only", "Alt+4", () -> layout(w, ViewportGrid.Layout.VOLUME_3D)));
        a.add(AppAction.of("view.reset", "Reset view (fit, initial window)", "R", () -> {
            w.sliceViews().forEach(SliceView::fit);
            w.resetWindow();
        })).enabledWhen(image);
        a.add(AppAction.of("view.zoom-in", "Zoom in", "Shortcut+EQUALS", () -> w.activeView().zoomBy(1.25))).enabledWhen(image);
        a.add(AppAction.of("view.zoom-out", "Zoom out", "Shortcut+MINUS", () -> w.activeView().zoomBy(0.8))).enabledWhen(image);
        a.add(AppAction.toggle("view.invert", "Invert grey scale", "I", w.invertedProperty())).enabledWhen(image);
        BooleanProperty nearest = new SimpleBooleanProperty();
        nearest.addListener((o, was, now) -> w.interpolationProperty().set(now ? Interpolation.NEAREST : Interpolation.LINEAR));
        a.add(AppAction.toggle("view.nearest", "Show voxels (nearest neighbour)", "N", nearest)).enabledWhen(image);
        BooleanProperty cine = new SimpleBooleanProperty();
        cine.addListener((o, was, now) -> {
            w.sliceViews().forEach(SliceView::stopCine);
            if (now) {
                w.activeView().playCine(CINE_FPS);
            }
        });
        a.add(AppAction.toggle("view.cine", "Cine (play through slices)", "P", cine)).enabledWhen(image);

        ToggleGroupOfActions tools = new ToggleGroupOfActions();
        for (BuiltInTool t : BuiltInTool.values()) {
            a.add(tools.add(t.name(), AppAction.toggle("tool." + t.name().toLowerCase().replace('_', '-'), toolName(t), toolKey(t),
                    new SimpleBooleanProperty(t == BuiltInTool.NAVIGATE)), () -> {
                        w.useMeasurementTool(null);
                        w.sliceViews().forEach(v -> v.setTool(t));
                    })).enabledWhen(image);
        }
        for (MeasurementKind kind : MeasurementKind.values()) {
            String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase();
            String key = switch (kind) {
                case DISTANCE -> "D";
                case ANGLE -> "A";
                case ELLIPSE -> "E";
                case POLYGON -> "G";
            };
            a.add(tools.add(kind.name(), AppAction.toggle("tool." + kind.name().toLowerCase(), name, key,
                    new SimpleBooleanProperty()), () -> w.useMeasurementTool(kind))).enabledWhen(image);
        }
        a.add(tools.add("EDIT_LABELS", AppAction.toggle("tool.edit-labels", "Edit labels", "Shift+E",
                new SimpleBooleanProperty()), w::startEditing)).enabledWhen(image);
        a.add(AppAction.of("edit.undo", "Undo label edit", "Shortcut+Alt+Z", () -> w.editing().undo())).enabledWhen(image);
        a.add(AppAction.of("edit.redo", "Redo label edit", "Shortcut+Alt+Y", () -> w.editing().redo())).enabledWhen(image);
        a.add(AppAction.of("file.export-measurements", "Export measurements as CSV...", "Shortcut+E", w::exportMeasurements))
                .enabledWhen(image);

        for (Map.Entry<String, WindowLevel> preset : Map.of(
                "F2", WindowLevel.CT_LUNG, "F3", WindowLevel.CT_MEDIASTINUM, "F4", WindowLevel.CT_ABDOMEN,
                "F5", WindowLevel.CT_LIVER, "F6", WindowLevel.CT_BONE, "F7", WindowLevel.CT_BRAIN).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            a.add(AppAction.of("window." + presetId(preset.getValue()), presetName(preset.getValue()), preset.getKey(),
                    () -> w.windowLevelProperty().set(preset.getValue()))).enabledWhen(image);
        }
        a.add(AppAction.of("window.initial", "Initial window (file / percentiles)", "F8", w::resetWindow)).enabledWhen(image);

        BooleanProperty labelsOn = w.overlays().shownProperty();
        a.add(AppAction.toggle("overlay.labels", "Show label map", "M", labelsOn)).enabledWhen(image);
        BooleanProperty outline = w.overlays().outlineProperty();
        a.add(AppAction.toggle("overlay.outline", "Label outlines only", "O", outline)).enabledWhen(image);

        declareReview(w, a);
    }

    /**
     * Projects and scoring. Every scoring field is on a key so a claim takes a few key presses: the number
     * row for verdict (1-4), evidence support (5-8) and significance (9, 0), Shift+number for the error type,
     * T/Y/U for localisation, J/K for the next and previous claim (Shift for cases), Shift+N for the note.
     * None of these letters is a view key.
     */
    private static void declareReview(MainWindow w, ActionRegistry a) {
        var claim = w.hasClaim();
        a.add(AppAction.of("project.new", "New project...", "", w::chooseNewProject));
        a.add(AppAction.of("project.open", "Open project...", "", w::chooseProject));
        a.add(AppAction.of("project.add-case", "Add case to project (image and last model run)", "Shortcut+Shift+A",
                w::addCaseToProject)).enabledWhen(w.canAddCase());
        String[] verdictKeys = {"1", "2", "3", "4"};
        for (Verdict v : Verdict.values()) {
            a.add(AppAction.of(id("review.verdict.", v), "Verdict: " + ClaimsPanel.words(v), verdictKeys[v.ordinal()],
                    () -> w.review().setVerdict(v))).enabledWhen(claim);
        }
        String[] supportKeys = {"5", "6", "7", "8"};
        for (EvidenceSupport s : EvidenceSupport.values()) {
            a.add(AppAction.of(id("review.support.", s), "Evidence: " + ClaimsPanel.words(s), supportKeys[s.ordinal()],
                    () -> w.review().setSupport(s))).enabledWhen(claim);
        }
        String[] localisationKeys = {"T", "Y", "U"};
        for (Localisation l : Localisation.values()) {
            a.add(AppAction.of(id("review.localisation.", l), "Localisation: " + ClaimsPanel.words(l),
                    localisationKeys[l.ordinal()], () -> w.review().setLocalisation(l))).enabledWhen(claim);
        }
        for (ErrorType e : ErrorType.values()) {
            a.add(AppAction.of(id("review.error.", e), "Error: " + ClaimsPanel.words(e), "Shift+" + (e.ordinal() + 1),
                    () -> w.review().setErrorType(e))).enabledWhen(claim);
        }
        String[] significanceKeys = {"9", "0"};
        for (Significance s : Significance.values()) {
            a.add(AppAction.of(id("review.significance.", s), "Significance: " + ClaimsPanel.words(s),
                    significanceKeys[s.ordinal()], () -> w.review().setSignificance(s))).enabledWhen(claim);
        }
        a.add(AppAction.of("review.note", "Write a note on the claim", "Shift+N", w::focusNote)).enabledWhen(claim);
        // Per report (the whole case): its acceptability on Shift+8/9/0 after the error types, a missed finding typed after Shift+M.
        for (Acceptability v : Acceptability.values()) {
            a.add(AppAction.of(id("review.acceptability.", v), "Report: " + ClaimsPanel.words(v),
                    new String[] {"Shift+8", "Shift+9", "Shift+0"}[v.ordinal()], () -> w.review().setAcceptability(v))).enabledWhen(claim);
        }
        a.add(AppAction.of("review.missed", "Add a finding the model missed (at the crosshair)", "Shift+M",
                w::focusMissedFinding)).enabledWhen(claim);
        a.add(AppAction.of("review.next-claim", "Next claim", "J", () -> w.review().nextClaim())).enabledWhen(claim);
        a.add(AppAction.of("review.previous-claim", "Previous claim", "K", () -> w.review().previousClaim())).enabledWhen(claim);
        a.add(AppAction.of("review.next-case", "Next case", "Shift+J", () -> w.review().nextCase())).enabledWhen(claim);
        a.add(AppAction.of("review.previous-case", "Previous case", "Shift+K", () -> w.review().previousCase())).enabledWhen(claim);
        // Reports of the case on screen: the structured report, a typed phrase, a report server.
        var image = w.hasImage();
        a.add(AppAction.of("report.generate", "Write the report of the case's model run", "Shift+R",
                () -> w.reporting().generate())).enabledWhen(image);
        a.add(AppAction.of("report.ground", "Ground a phrase...", "Shift+G", () -> w.reporting().focusPhrase()))
                .enabledWhen(image);
        a.add(AppAction.of("report.ground-model", "Ground phrase with a model...", "Shortcut+Shift+G",
                () -> w.reporting().groundWithModel())).enabledWhen(image);
        a.add(AppAction.of("report.server", "Ask a report server...", "", () -> w.reporting().askServer()))
                .enabledWhen(image);
        a.add(AppAction.of("report.pdf-case", "Case report as PDF...", "", () -> w.reporting().exportCasePdf()))
                .enabledWhen(claim);
        a.add(AppAction.of("report.pdf-summary", "Benchmark summary as PDF...", "", () -> w.reporting().exportSummaryPdf()))
                .enabledWhen(claim);
        a.add(AppAction.of("project.export", "Export benchmark set...", "", () -> SetExport.run(w))).enabledWhen(claim);
        a.add(AppAction.of("project.import", "Import benchmark set...", "", () -> SetImport.run(w)));
        a.add(AppAction.of("review.undo", "Undo last score change", "Shortcut+Z", () -> w.review().undo())).enabledWhen(claim);
    }

    private static String id(String prefix, Enum<?> option) {
        return prefix + option.name().toLowerCase().replace('_', '-');
    }

    /** Slices per second for cine: fast enough to read motion, slow enough to see each slice. */
    private static final double CINE_FPS = 12;

    private static String toolName(BuiltInTool t) {
        return switch (t) {
            case NAVIGATE -> "Crosshair";
            case WINDOW_LEVEL -> "Window/level";
            case PAN -> "Pan";
            case ZOOM -> "Zoom";
        };
    }

    private static String toolKey(BuiltInTool t) {
        return switch (t) {
            case NAVIGATE -> "V";
            case WINDOW_LEVEL -> "W";
            case PAN -> "H";
            case ZOOM -> "Z";
        };
    }

    private static void layout(MainWindow w, ViewportGrid.Layout layout) {
        w.viewports().layoutProperty().set(layout);
    }

    static String presetName(WindowLevel wl) {
        if (wl.equals(WindowLevel.CT_LUNG)) {
            return "CT lung";
        } else if (wl.equals(WindowLevel.CT_MEDIASTINUM)) {
            return "CT mediastinum";
        } else if (wl.equals(WindowLevel.CT_ABDOMEN)) {
            return "CT abdomen";
        } else if (wl.equals(WindowLevel.CT_LIVER)) {
            return "CT liver";
        } else if (wl.equals(WindowLevel.CT_BONE)) {
            return "CT bone";
        }
        return "CT brain";
    }

    private static String presetId(WindowLevel wl) {
        return presetName(wl).toLowerCase().replace(' ', '-');
    }

}
