package dev.attest.app.gui;

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
        a.add(AppAction.of("file.open-labels", "Open label map...", "Shortcut+L", w::chooseLabels)).enabledWhen(image);
        a.add(AppAction.of("file.keymap", "Key map...", "Shortcut+K", w::showKeyMapEditor));
        a.add(AppAction.of("file.quit", "Quit", "Shortcut+Q", w::quit));

        a.add(AppAction.of("view.layout-2x2", "2\u00D72 layout", "Alt+0", () -> layout(w, ViewportGrid.Layout.GRID_2X2)));
        a.add(AppAction.of("view.layout-axial", "Axial only", "Alt+1", () -> layout(w, ViewportGrid.Layout.AXIAL)));
        a.add(AppAction.of("view.layout-coronal", "Coronal only", "Alt+2", () -> layout(w, ViewportGrid.Layout.CORONAL)));
        a.add(AppAction.of("view.layout-sagittal", "Sagittal only", "Alt+3", () -> layout(w, ViewportGrid.Layout.SAGITTAL)));
        a.add(AppAction.of("view.layout-3d", "3D only", "Alt+4", () -> layout(w, ViewportGrid.Layout.VOLUME_3D)));

        for (Map.Entry<String, WindowLevel> preset : Map.of(
                "F2", WindowLevel.CT_LUNG, "F3", WindowLevel.CT_MEDIASTINUM, "F4", WindowLevel.CT_ABDOMEN,
                "F5", WindowLevel.CT_LIVER, "F6", WindowLevel.CT_BONE, "F7", WindowLevel.CT_BRAIN).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            a.add(AppAction.of("window." + presetId(preset.getValue()), presetName(preset.getValue()), preset.getKey(),
                    () -> w.windowLevelProperty().set(preset.getValue()))).enabledWhen(image);
        }
        a.add(AppAction.of("window.initial", "Initial window (file / percentiles)", "F8", w::resetWindow)).enabledWhen(image);

        BooleanProperty labelsOn = w.legend().shownProperty();
        a.add(AppAction.toggle("overlay.labels", "Show label map", "M", labelsOn)).enabledWhen(image);
        BooleanProperty outline = w.legend().outlineProperty();
        a.add(AppAction.toggle("overlay.outline", "Label outlines only", "O", outline)).enabledWhen(image);
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

    static BooleanProperty flag(boolean initial) {
        return new SimpleBooleanProperty(initial);
    }
}
