package dev.attest.app.gui;

import dev.attest.app.export.ExportOptions;
import dev.attest.dicom.deid.DeidOptions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The choices of File ▸ Export benchmark set: what to write (DICOM, zip, site names) and how the set presents
 * itself in croissant.json and its datasheet (name, licence, creator, URL), checked as they are typed so the
 * export button only accepts a set that can be written.
 */
final class SetExportForm {
    /** Licences sets are commonly published under, as SPDX URLs; the field also takes any other URL. */
    static final List<String> LICENCES = List.of("", "https://spdx.org/licenses/CC-BY-4.0.html",
            "https://spdx.org/licenses/CC-BY-NC-4.0.html", "https://spdx.org/licenses/CC-BY-SA-4.0.html",
            "https://spdx.org/licenses/CC0-1.0.html", "https://spdx.org/licenses/ODbL-1.0.html");

    final CheckBox dicom = new CheckBox("Also the de-identified DICOM images");
    final CheckBox zip = new CheckBox("Also as one zip file");
    final CheckBox sites = new CheckBox("Keep site and scanner names (for stratification)");
    final TextField name = new TextField();
    final ComboBox<String> licence = new ComboBox<>();
    final TextField creator = new TextField();
    final TextField url = new TextField();
    final Label problem = new Label();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final VBox pane;

    SetExportForm(String projectFolderName) {
        sites.setSelected(true);
        name.setText(defaultName(projectFolderName));
        name.setId("export-name");
        licence.getItems().setAll(LICENCES);
        licence.setEditable(true);
        licence.setPromptText("none chosen: users must ask before any use");
        licence.setId("export-licence");
        creator.setPromptText("person, group or institution");
        url.setPromptText("https://... where the set will be published");
        problem.setTextFill(Color.FIREBRICK);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Licence"), licence);
        grid.addRow(2, new Label("Creator"), creator);
        grid.addRow(3, new Label("URL"), url);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        licence.setMaxWidth(Double.MAX_VALUE);
        problem.setWrapText(true);
        pane = new VBox(8, dicom, zip, sites, grid, problem,
                new Label("The UID map and key stay in the project folder and are never exported."));
        name.textProperty().addListener((o, a, b) -> check());
        licence.getEditor().textProperty().addListener((o, a, b) -> check());
        licence.valueProperty().addListener((o, a, b) -> check());
        url.textProperty().addListener((o, a, b) -> check());
        check();
    }

    VBox pane() {
        return pane;
    }

    /** Whether the fields describe a set that can be written. */
    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The options as filled in, or empty (with the reason shown) when a field is not acceptable. */
    Optional<ExportOptions> options() {
        String why = problemOf();
        if (why != null) {
            return Optional.empty();
        }
        ExportOptions o = ExportOptions.DEFAULT.withDicom(dicom.isSelected()).withZip(zip.isSelected())
                .withDescription(name.getText().strip(), blankToNull(licenceText()), blankToNull(creator.getText()),
                        blankToNull(url.getText()));
        return Optional.of(sites.isSelected() ? o : o.withDeid(DeidOptions.basic()));
    }

    /** A set name from a folder name: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static String defaultName(String folder) {
        String s = folder == null ? "" : folder.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "")
                .replaceAll("[-._]+$", "");
        return (s.isEmpty() ? "attest" : s) + "-benchmark-set";
    }

    private void check() {
        String why = problemOf();
        problem.setText(why == null ? "" : why);
        valid.set(why == null);
    }

    private String problemOf() {
        if (!name.getText().strip().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return "The name may hold letters, digits, '.', '_' and '-', starting with a letter or digit.";
        }
        String l = licenceText().strip();
        if (!l.isEmpty() && !isWebAddress(l)) {
            return "The licence is given as the URL of its text, e.g. " + LICENCES.get(1);
        }
        String u = url.getText().strip();
        if (!u.isEmpty() && !isWebAddress(u)) {
            return "The URL must start with https:// or http://";
        }
        return null;
    }

    private String licenceText() {
        String typed = licence.getEditor().getText();
        return typed != null && !typed.isBlank() ? typed : licence.getValue() == null ? "" : licence.getValue();
    }

    private static boolean isWebAddress(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return (l.startsWith("https://") || l.startsWith("http://")) && !s.contains(" ") && s.length() > 8;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
