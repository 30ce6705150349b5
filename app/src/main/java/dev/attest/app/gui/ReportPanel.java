package dev.attest.app.gui;

import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimKind;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The report of the case on screen as a list of sentences, each led by its four consistency checks (existence,
 * laterality, location, size: green pass, red fail, grey unknown; the reason on hover), with the fields that
 * edit the chosen sentence, ground a typed phrase, and ask for a report. A view only: {@link Reporting} acts.
 */
final class ReportPanel extends VBox {
    /** One sentence or phrase as listed. */
    record Line(long claimId, ClaimKind kind, String text, boolean edited, List<ClaimCheck> checks) {
    }

    final ListView<Line> sentences = new ListView<>();
    final TextField edit = new TextField();
    final Button saveEdit = new Button("Save");
    final TextField phrase = new TextField();
    final Button ground = new Button("Ground");
    final Button generate = new Button("Write report");
    final Button server = new Button("Ask server...");
    final Label status = new Label("Open a case of a project to see its report");
    final TextArea streamed = new TextArea();

    ReportPanel() {
        super(6);
        setPadding(new Insets(4));
        setId("report-panel");
        sentences.setId("report-sentences");
        sentences.setPrefHeight(220);
        VBox.setVgrow(sentences, Priority.ALWAYS);
        sentences.setCellFactory(v -> new SentenceCell());
        sentences.setPlaceholder(new Label("No sentences yet: Write report (Shift+R)"));
        edit.setId("report-edit");
        edit.setPromptText("Edit the chosen sentence, Enter saves a new version");
        saveEdit.setId("report-save-edit");
        phrase.setId("report-phrase");
        phrase.setPromptText("Phrase to ground, e.g. upper part of the liver");
        ground.setId("report-ground");
        generate.setId("report-generate");
        server.setId("report-server");
        status.setId("report-status");
        status.setWrapText(true);
        streamed.setId("report-streamed");
        streamed.setEditable(false);
        streamed.setWrapText(true);
        streamed.setPrefRowCount(4);
        streamed.setVisible(false);
        streamed.setManaged(false);
        HBox.setHgrow(edit, Priority.ALWAYS);
        HBox.setHgrow(phrase, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, generate, server), sentences, new HBox(6, edit, saveEdit),
                new HBox(6, phrase, ground), status, streamed);
    }

    /** Shows the text streaming in from a report server (null hides it). */
    void showStreamed(String text) {
        streamed.setVisible(text != null);
        streamed.setManaged(text != null);
        streamed.setText(text == null ? "" : text);
    }

    /** Letter and colour of one check, as the cell shows it. */
    static String letter(String kind) {
        return switch (kind) {
            case "existence" -> "E";
            case "laterality" -> "L";
            case "location" -> "P"; // place
            case "size" -> "S";
            default -> kind.substring(0, 1).toUpperCase(Locale.ROOT);
        };
    }

    static String colour(CheckOutcome outcome) {
        return switch (outcome) {
            case PASS -> "#2e7d32";
            case FAIL -> "#c62828";
            case UNKNOWN -> "#9e9e9e";
        };
    }

    /** A sentence led by its check badges; failed checks come first in the reader's eye by their colour. */
    private static final class SentenceCell extends ListCell<Line> {
        /** Room for the four badges on one line. */
        private static final double BADGES_WIDTH = 70;

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FlowPane badges = new FlowPane(2, 2);
            badges.setPrefWrapLength(BADGES_WIDTH);
            for (ClaimCheck c : line.checks()) {
                Label b = new Label(letter(c.kind()));
                b.setStyle("-fx-background-color: " + colour(c.outcome()) + "; -fx-text-fill: white; -fx-font-weight: bold;"
                        + " -fx-padding: 0 3 0 3; -fx-background-radius: 2;");
                b.setTooltip(new Tooltip(c.kind() + " " + c.outcome().name().toLowerCase(Locale.ROOT)
                        + (c.value() == null ? "" : String.format(Locale.ROOT, " (%.3g)", c.value())) + ": " + c.detail()));
                badges.getChildren().add(b);
            }
            Label text = new Label((line.kind() == ClaimKind.PHRASE ? "Phrase: " : "") + line.text()
                    + (line.edited() ? " (edited)" : ""));
            text.setWrapText(true);
            if (line.edited()) {
                text.setStyle("-fx-font-style: italic;");
            }
            // Wrap within the list, so no sentence hides behind a horizontal scroll bar.
            if (getListView() != null) {
                text.maxWidthProperty().bind(getListView().widthProperty().subtract(BADGES_WIDTH + 40));
            }
            HBox row = new HBox(6, badges, text);
            badges.setMinWidth(BADGES_WIDTH);
            badges.setMaxWidth(BADGES_WIDTH);
            setText(null);
            setGraphic(row);
        }
    }
}
