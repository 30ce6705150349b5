package dev.attest.app.gui;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.app.review.ReviewSession;
import dev.attest.app.review.ScoreFields;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import dev.attest.app.review.WorklistChoice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The review panel beside the views: the current case's claims (a tick on those this reviewer has scored),
 * one row of buttons per scoring field with each option's key from the key map, the note, and progress.
 * It only shows a {@link ReviewSession} and calls it: every change is saved by the session.
 */
final class ClaimsPanel extends VBox {
    private final ListView<WorklistItem> list = new ListView<>();
    private final javafx.scene.control.ComboBox<WorklistChoice> worklist =
            new javafx.scene.control.ComboBox<>(javafx.collections.FXCollections.observableArrayList(WorklistChoice.values()));
    private final javafx.scene.control.CheckBox blinded = new javafx.scene.control.CheckBox("Blinded");
    private final javafx.scene.control.CheckBox shuffle = new javafx.scene.control.CheckBox("Random order");
    /** One seed per panel, so a random worklist keeps its order when it is reloaded. */
    private final long shuffleSeed = System.nanoTime();
    private String projectName = "";
    private final Label project = new Label("No project open. File \u25B8 New project or Open project.");
    private final Label caseLine = new Label();
    private final Label progress = new Label();
    private final Label status = new Label();
    private final Label checks = new Label();
    private final TextField note = new TextField();
    private final TextField missed = new TextField();
    private final Label missedList = new Label();
    private final java.util.function.Supplier<dev.attest.core.geometry.Vec3> crosshair;
    private final BooleanProperty hasClaim;
    private long shownClaim = -1;
    private final List<Runnable> refreshers = new ArrayList<>();
    private final ActionRegistry actions;
    private final Consumer<WorklistItem> onSelected;
    private ReviewSession session;
    private boolean updating;
    private boolean swallowTyped;

    /**
     * @param crosshair where a missed finding is placed: the crosshair's point in LPS mm, null when no image is open
     */
    ClaimsPanel(ActionRegistry actions, BooleanProperty hasClaim, Consumer<WorklistItem> onSelected,
                java.util.function.Supplier<dev.attest.core.geometry.Vec3> crosshair) {
        super(5);
        this.crosshair = crosshair;
        this.hasClaim = hasClaim;
        this.actions = actions;
        this.onSelected = onSelected;
        setId("claims-panel");
        project.setWrapText(true);
        project.setStyle("-fx-text-fill: #666;");
        list.setId("claim-list");
        list.setPrefHeight(150);
        list.setMinHeight(110);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(WorklistItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : (session != null && session.scoredByMe(item.claim().id()) ? "\u2713 " : "    ") + item.claim().text());
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!updating && session != null && now.intValue() >= 0) {
                session.selectClaim(now.intValue());
            }
        });
        progress.setId("review-progress");
        status.setId("review-status");
        status.setWrapText(true);
        status.setStyle("-fx-text-fill: #666;");
        note.setId("review-note");
        note.setPromptText("Note (Enter saves)");
        for (TextField typed : List.of(note, missed)) {
            typed.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
                if (swallowTyped) {
                    swallowTyped = false;
                    e.consume();
                }
            });
            typed.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> swallowTyped = false);
        }
        missed.setId("review-missed");
        missed.setPromptText("Missed finding (Enter records it at the crosshair)");
        missed.setOnAction(e -> {
            if (session != null && !missed.getText().isBlank()) {
                session.addMissedFinding(missed.getText(), crosshair.get());
                missed.clear();
            }
            list.requestFocus();
        });
        missedList.setId("review-missed-list");
        missedList.setWrapText(true);
        missedList.setStyle("-fx-font-size: 10px; -fx-text-fill: #444;");
        note.setOnAction(e -> {
            if (session != null) {
                session.setNote(note.getText());
            }
            list.requestFocus(); // back to the scoring keys
        });
        note.focusedProperty().addListener((o, was, now) -> {
            if (!now && session != null && session.currentClaim().isPresent()
                    && !note.getText().strip().equals(nullToEmpty(session.fields().note()))) {
                session.setNote(note.getText());
            }
        });
        worklist.setId("review-worklist");
        blinded.setId("review-blinded");
        shuffle.setId("review-shuffle");
        worklist.setValue(WorklistChoice.ALL);
        worklist.valueProperty().addListener((o, was, now) -> reload());
        blinded.selectedProperty().addListener((o, was, now) -> reload());
        shuffle.selectedProperty().addListener((o, was, now) -> reload());
        // Wraps in the narrow side panel: the list choice on one line, the two switches under it.
        javafx.scene.layout.FlowPane choices = new javafx.scene.layout.FlowPane(8, 4, worklist, blinded, shuffle);
        choices.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        checks.setId("review-checks");
        checks.setWrapText(true);
        checks.setStyle("-fx-font-size: 10px;");
        getChildren().addAll(project, choices, caseLine, list, checks,
                field("Verdict", "review.verdict.", Verdict.values(), ScoreFields::verdict),
                field("Evidence", "review.support.", EvidenceSupport.values(), ScoreFields::support),
                field("Localisation", "review.localisation.", Localisation.values(), ScoreFields::localisation),
                field("Error", "review.error.", ErrorType.values(), ScoreFields::errorType),
                field("Significance", "review.significance.", Significance.values(), ScoreFields::significance),
                note, reportHeading(),
                caseField("Report", "review.acceptability.", Acceptability.values(),
                        () -> session.acceptability().map(ReportAcceptability::acceptability).orElse(null)),
                missed, missedList, progress, status);
        setPadding(new Insets(0));
        refresh();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** True while there is a claim to score: the scoring actions are enabled only then. */
    BooleanProperty hasClaimProperty() {
        return hasClaim;
    }

    ListView<WorklistItem> list() {
        return list;
    }

    /**
     * Moves the keyboard to the note. The key that asked for it (Shift+N) still sends its typed character
     * after the press, now to the note: that one character is dropped, and only that one.
     */
    void focusNote() {
        swallowTyped = true;
        note.requestFocus();
    }

    /** One field: its name and a button per option labelled with the option's key, bound to the key map. */
    private <E extends Enum<E>> VBox field(String name, String actionPrefix, E[] options, Function<ScoreFields, E> current) {
        FlowPane buttons = new FlowPane(3, 3);
        for (E option : options) {
            ToggleButton b = optionButton(actionPrefix, option);
            refreshers.add(() -> b.setSelected(session != null && current.apply(session.fields()) == option));
            buttons.getChildren().add(b);
        }
        return titled(name, buttons);
    }

    /** The per-report part below the per-claim fields: it applies to the whole case, not the selected claim. */
    private static Label reportHeading() {
        Label l = new Label("Whole report (this case)");
        l.setStyle("-fx-font-size: 11px; -fx-font-weight: bold; -fx-text-fill: #444; -fx-padding: 6 0 0 0;");
        return l;
    }

    /**
     * Moves the keyboard to the missed-finding field; like {@link #focusNote()}, the typed character of the
     * key that asked for it is dropped.
     */
    void focusMissedFinding() {
        swallowTyped = true;
        missed.requestFocus();
    }

    /** A per-case field: a button per option with its key, showing the session's current value. */
    private <E extends Enum<E>> VBox caseField(String name, String actionPrefix, E[] options,
                                               java.util.function.Supplier<E> current) {
        FlowPane buttons = new FlowPane(3, 3);
        for (E option : options) {
            ToggleButton b = optionButton(actionPrefix, option);
            refreshers.add(() -> b.setSelected(session != null && current.get() == option));
            buttons.getChildren().add(b);
        }
        return titled(name, buttons);
    }

    /** A toggle for one option, labelled with its key from the key map, that fires the option's action. */
    private <E extends Enum<E>> ToggleButton optionButton(String actionPrefix, E option) {
        ToggleButton b = new ToggleButton();
        b.setMnemonicParsing(false);
        b.setId("score-" + actionPrefix.substring("review.".length()) + option.name().toLowerCase());
        b.setFocusTraversable(false);
        b.setStyle("-fx-font-size: 10px; -fx-padding: 2 5 2 5;");
        AppAction a = actions.get(actionPrefix + option.name().toLowerCase().replace('_', '-'));
        Runnable label = () -> {
            var key = a.acceleratorProperty().get();
            b.setText((key == null ? "" : key.getDisplayText() + " ") + words(option));
        };
        a.acceleratorProperty().addListener((o, was, now) -> label.run());
        label.run();
        b.setOnAction(e -> {
            a.fire();
            refresh(); // the toggle flipped itself; show the session's state
        });
        b.disableProperty().bind(hasClaim.not());
        return b;
    }

    private static VBox titled(String name, FlowPane buttons) {
        Label l = new Label(name);
        l.setStyle("-fx-font-size: 11px; -fx-text-fill: #444;");
        VBox box = new VBox(1, l, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** "Checks: existence pass · location pass 0.98 · size fail 2.01": what the automatic checks found. */
    static String checksLine(List<dev.attest.annotation.model.ClaimCheck> list) {
        if (list.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Checks: ");
        for (var c : list) {
            if (sb.length() > "Checks: ".length()) {
                sb.append(" \u00B7 ");
            }
            sb.append(c.kind()).append(' ').append(c.outcome().code());
            if (c.value() != null) {
                // Counts (the voxels found) read as whole numbers, fractions and ratios with two decimals.
                double v = c.value();
                sb.append(v == Math.rint(v) && Math.abs(v) >= 2 ? String.format(java.util.Locale.ROOT, " %,.0f", v)
                        : String.format(java.util.Locale.ROOT, " %.2f", v));
            }
        }
        return sb.toString();
    }

    /** "PARTIALLY_CORRECT" reads "partially correct"; the long ones are shortened to fit the panel. */
    static String words(Enum<?> option) {
        return switch (option.name()) {
            case "NONE_OR_OFF_TARGET" -> "none/off-target";
            case "WRONG_SEVERITY_OR_SIZE" -> "severity/size";
            case "ACCEPTABLE_WITH_EDITS" -> "with edits";
            default -> option.name().toLowerCase().replace('_', ' ');
        };
    }

    /**
     * Loads the worklist the reader picked (filter, blinded, random order with a seed fixed per session,
     * so the order stays put while scoring); a refused combination is said in the status line.
     */
    private void reload() {
        if (session == null || updating) {
            return;
        }
        try {
            session.load(worklist.getValue().query(session.reviewer().id(), blinded.isSelected(),
                    shuffle.isSelected() ? shuffleSeed : null));
            project.setText(projectName + " \u2014 reviewer " + session.reviewer().name()
                    + (session.blinded() ? " (blinded)" : ""));
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
        }
        refresh();
    }

    void setSession(ReviewSession s, String projectName) {
        this.projectName = projectName;
        session = s;
        shownClaim = -1;
        project.setText(projectName + " \u2014 reviewer " + s.reviewer().name() + (s.blinded() ? " (blinded)" : ""));
        s.addListener(this::refresh);
        refresh();
    }

    ReviewSession session() {
        return session;
    }

    /** Shows the session's position, fields and progress; tells the window which claim is current. */
    void refresh() {
        updating = true;
        try {
            if (session == null) {
                list.getItems().clear();
                caseLine.setText("");
                progress.setText("");
                hasClaim.set(false);
            } else {
                var current = session.currentClaim();
                caseLine.setText(session.currentCase().map(c -> "Case " + (session.caseIndex() + 1) + " of " + session.cases().size()
                        + ": " + c.studyRef() + (current.isPresent() && current.get().modelId() != null
                        ? " (" + current.get().modelId() + ")" : "")).orElse("The worklist is empty"));
                list.getItems().setAll(session.claims());
                list.refresh();
                if (current.isPresent()) {
                    list.getSelectionModel().select(session.claimIndex());
                    list.scrollTo(session.claimIndex());
                }
                progress.setText(session.progress().toString());
                status.setText(session.status());
                hasClaim.set(current.isPresent());
                String n = session.fields().note();
                if (!note.isFocused()) {
                    note.setText(n == null ? "" : n);
                }
                var claimChecks = session.checks();
                checks.setText(checksLine(claimChecks));
                checks.setStyle("-fx-font-size: 10px; -fx-text-fill: "
                        + (claimChecks.stream().anyMatch(c -> c.outcome() == dev.attest.annotation.model.CheckOutcome.FAIL)
                        ? "#b00020;" : "#2e7d32;"));
                var missedFindings = session.missedFindings();
                missedList.setText(missedFindings.isEmpty() ? "" : "Missed: " + String.join("; ",
                        missedFindings.stream().map(m -> m.text()).toList()));
            }
            refreshers.forEach(Runnable::run);
        } finally {
            updating = false;
        }
        // Only a move to another claim moves the viewer: scoring keys must not pull the crosshair back.
        var current = session == null ? java.util.Optional.<WorklistItem>empty() : session.currentClaim();
        if (current.isPresent() && current.get().claim().id() != shownClaim) {
            shownClaim = current.get().claim().id();
            onSelected.accept(current.get());
        }
    }
}
