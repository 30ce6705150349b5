package dev.attest.app.gui;

import dev.attest.app.probe.PerturbationMenu;
import dev.attest.inference.probe.LevelFormat;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The form of Models ▸ Robustness probe: which segmentation model, which perturbation kinds and levels (the quick
 * set ticked), and the seed of the noise; it says how many model runs that costs and, once a run of the model was
 * timed, about how long. Valid when at least one perturbation is ticked and the seed is a whole number.
 */
final class ProbeForm {
    final ChoiceBox<String> model = new ChoiceBox<>();
    final CheckBox identity = new CheckBox("Identity (the unperturbed image again: checks that inference is repeatable)");
    /** The level boxes of each kind, by kind and level. */
    final Map<String, Map<Double, CheckBox>> levels = new LinkedHashMap<>();
    final TextField seed = new TextField(Long.toString(PerturbationMenu.DEFAULT_SEED));
    final Label cost = new Label();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ToLongFunction<String> millisPerRun;
    private final GridPane pane = new GridPane();

    /**
     * @param models       the registered segmentation models' ids
     * @param chosen       the model chosen at first
     * @param millisPerRun how long one run of a model took on this image, 0 when unknown
     */
    ProbeForm(List<String> models, String chosen, ToLongFunction<String> millisPerRun) {
        this.millisPerRun = millisPerRun;
        model.getItems().setAll(models);
        model.setValue(chosen);
        model.setId("probe-model");
        identity.setSelected(true);
        seed.setPrefColumnCount(8);
        seed.setId("probe-seed");
        cost.setId("probe-cost");
        pane.setHgap(10);
        pane.setVgap(6);
        pane.setPadding(new Insets(10));
        int row = 0;
        pane.addRow(row++, new Label("Model"), model);
        pane.add(identity, 0, row++, 2, 1);
        for (PerturbationMenu.Kind k : PerturbationMenu.KINDS) {
            FlowPane boxes = new FlowPane(10, 4);
            Map<Double, CheckBox> byLevel = new LinkedHashMap<>();
            for (double level : k.levels()) {
                CheckBox box = new CheckBox(LevelFormat.format(level));
                box.setId("probe-" + k.kind() + "-" + LevelFormat.format(level));
                box.setSelected(k.quick().contains(level));
                box.selectedProperty().addListener((o, was, now) -> update());
                byLevel.put(level, box);
                boxes.getChildren().add(box);
            }
            levels.put(k.kind(), byLevel);
            Label name = new Label(k.title() + ", " + k.axisLabel());
            name.setMinWidth(Region.USE_PREF_SIZE); // the boxes wrap, the names do not
            pane.addRow(row++, name, boxes);
        }
        pane.addRow(row++, new Label("Seed of the noise"), seed);
        pane.add(cost, 0, row, 2, 1);
        identity.selectedProperty().addListener((o, was, now) -> update());
        seed.textProperty().addListener((o, was, now) -> update());
        model.valueProperty().addListener((o, was, now) -> update());
        update();
    }

    GridPane pane() {
        return pane;
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The command line's specs of what is ticked. */
    List<String> specs() {
        Map<String, List<Double>> ticked = new LinkedHashMap<>();
        levels.forEach((kind, boxes) -> {
            List<Double> on = new ArrayList<>();
            boxes.forEach((level, box) -> {
                if (box.isSelected()) {
                    on.add(level);
                }
            });
            ticked.put(kind, on);
        });
        return PerturbationMenu.specs(identity.isSelected(), ticked);
    }

    /** What to run, or empty while the form is not valid. */
    Optional<RobustnessProbe.Request> request() {
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(new RobustnessProbe.Request(model.getValue(), specs(), Long.parseLong(seed.getText().strip())));
    }

    private void update() {
        List<String> specs = specs();
        boolean seedOk = seed.getText() != null && seed.getText().strip().matches("-?[0-9]{1,18}");
        valid.set(!specs.isEmpty() && seedOk && model.getValue() != null);
        if (specs.isEmpty()) {
            cost.setText("Tick at least one perturbation");
        } else if (!seedOk) {
            cost.setText("The seed must be a whole number");
        } else {
            int runs = PerturbationMenu.runs(specs);
            long millis = model.getValue() == null ? 0 : millisPerRun.applyAsLong(model.getValue());
            cost.setText(runs + " model runs, one after another" + PerturbationMenu.estimateSeconds(runs, millis)
                    .stream().mapToObj(s -> String.format(java.util.Locale.ROOT, ", at most about %d s (the last run of %s"
                            + " took %.1f s)", s, model.getValue(), millis / 1000.0)).findFirst().orElse(""));
        }
    }
}
