package dev.attest.app.gui;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.LabelMapLoader;
import dev.attest.app.open.OpenedImage;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.app.review.CaseAnatomy;
import dev.attest.app.review.ModelGrounding;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.grounding.PhraseGroundingModel;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.registry.RegistryEntry;
import dev.attest.app.review.ReportClaims;
import dev.attest.app.review.ServerReport;
import dev.attest.core.progress.Cancellation;
import dev.attest.reports.llm.DisplayWindow;
import dev.attest.reports.llm.ReportServerConfig;
import dev.attest.viewer.render.WindowLevel;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The report of the case on screen: lists its sentences and phrases with their checks, writes the structured
 * report of the case's run, grounds typed phrases (with the built-in anatomy grounder, or with a registered
 * grounding model on one slice), asks a report server, and keeps a reviewer's edit of a sentence as a new
 * version checked again against its evidence. The work runs in the background with the window's progress and
 * Cancel; the case's anatomy is read once per case and label map, a grounding model opened once per choice.
 */
final class Reporting {
    private static final Preferences PREFS = Preferences.userNodeForPackage(Reporting.class);
    private final MainWindow w;
    private final ReportPanel panel = new ReportPanel();
    private CaseAnatomy anatomy;
    private LabelMapLoader.LabelMap anatomyLabels;
    /** The grounding model last used, kept open (loading an engine takes seconds) and its key: id, device, sha256. */
    private PhraseGroundingModel groundingModel;
    private String groundingKey;
    private String lastGroundingModel;

    Reporting(MainWindow w) {
        this.w = w;
        panel.generate.setOnAction(e -> generate());
        panel.server.setOnAction(e -> askServer());
        panel.ground.setOnAction(e -> ground());
        panel.phrase.setOnAction(e -> ground());
        panel.saveEdit.setOnAction(e -> saveEdit());
        panel.edit.setOnAction(e -> saveEdit());
        panel.sentences.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                panel.edit.setText(now.text());
                w.showClaim(now.claimId());
            }
        });
    }

    ReportPanel panel() {
        return panel;
    }

    /** Lists the report of the case on screen again from the project. */
    void refresh() {
        ProjectStore store = w.project();
        Long caseId = w.imageCaseId();
        if (store == null || caseId == null) {
            panel.sentences.getItems().clear();
            panel.status.setText("Open a case of a project to see its report");
            return;
        }
        Long chosen = Optional.ofNullable(panel.sentences.getSelectionModel().getSelectedItem())
                .map(ReportPanel.Line::claimId).orElse(null);
        List<ReportPanel.Line> lines = store.claims(caseId).stream()
                .filter(c -> c.kind() == ClaimKind.SENTENCE || c.kind() == ClaimKind.PHRASE)
                .map(c -> line(store, c)).toList();
        panel.sentences.getItems().setAll(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (chosen != null && lines.get(i).claimId() == chosen) {
                panel.sentences.getSelectionModel().select(i);
            }
        }
        long failing = lines.stream().filter(l -> l.checks().stream()
                .anyMatch(k -> k.outcome() == dev.attest.annotation.model.CheckOutcome.FAIL)).count();
        panel.status.setText(lines.isEmpty() ? "No report yet for this case"
                : lines.size() + (lines.size() == 1 ? " sentence, " : " sentences, ") + failing + " with a failed check");
    }

    private static ReportPanel.Line line(ProjectStore store, Claim c) {
        String text = ReportClaims.currentText(store, c);
        return new ReportPanel.Line(c.id(), c.kind(), text, !text.equals(c.text()), store.checks(c.id()));
    }

    /** Writes the structured report of the case's segmentation run (Shift+R). */
    void generate() {
        withAnatomy("Writing the report", a -> ReportClaims.generate(w.project(), a).size(),
                n -> {
                    w.showReportTab();
                    w.reloadReview();
                    refresh();
                    w.say("Report: " + n + " sentences");
                });
    }

    /** Focuses the phrase field (Shift+G). */
    void focusPhrase() {
        w.showReportTab();
        panel.phrase.requestFocus();
    }

    void ground() {
        String text = panel.phrase.getText() == null ? "" : panel.phrase.getText().strip();
        if (text.isEmpty()) {
            panel.status.setText("Type a phrase to ground, e.g. left kidney");
            return;
        }
        withAnatomy("Grounding \"" + text + "\"", a -> ReportClaims.ground(w.project(), a, text), result -> {
            switch (result) {
                case ReportClaims.PhraseResult.Stored s -> {
                    panel.phrase.clear();
                    w.reloadReview();
                    refresh();
                    select(s.claim().claim().id());
                    w.say("Grounded \"" + text + "\" to " + String.join(", ", s.grounding().labelNames()) + " ("
                            + s.grounding().region().count() + " voxels)");
                }
                case ReportClaims.PhraseResult.NotGrounded n -> panel.status.setText("Not grounded: " + n.grounding().detail());
            }
        });
    }

    /**
     * Asks for a registered grounding model, a phrase and a slice (the axial slice on screen to start with), then
     * grounds the phrase with the model in the background and stores it as a phrase claim with the model's boxes
     * and heat map and their checks (Report ▸ Ground phrase with a model, Ctrl+Shift+G). The new claim is chosen,
     * so its boxes and heat map show. Without a segmentation of the case the checks are stored as unknown.
     */
    void groundWithModel() {
        OpenedImage image = w.imageProperty().get();
        if (!canGroundWithModel()) {
            return;
        }
        List<RegistryEntry> models = w.models().list().stream()
                .filter(e -> !e.isBroken() && e.manifest().task() == ModelTask.GROUNDING).toList();
        var grid = image.volume().grid();
        int current = (int) Math.round(grid.lpsToIndex().apply(w.crosshairProperty().get().point()).z());
        DeviceChoice device = w.enginePanel().deviceChoice();
        ModelGroundingDialog dialog = new ModelGroundingDialog(w.stage(), models, lastGroundingModel, panel.phrase.getText(),
                current, grid.sizeZ(), device.name().toLowerCase(Locale.ROOT));
        Optional<ModelGroundingDialog.Request> asked = dialog.showAndWait();
        if (asked.isEmpty()) {
            return;
        }
        groundWithModel(asked.get());
    }

    /** Says what is missing when the image on screen is not a grey-scale case of the open project. */
    private boolean canGroundWithModel() {
        OpenedImage image = w.imageProperty().get();
        if (w.project() == null || w.imageCaseId() == null || image == null) {
            w.say("Phrases are grounded on a case of the open project: add the image and its model run first (Ctrl+Shift+A)");
            return false;
        }
        if (image.isColour()) {
            w.say("A grounding model reads a grey-scale image; this one is colour");
            return false;
        }
        return true;
    }

    /** Grounds what the dialog asked for in the background, then chooses the new claim. */
    void groundWithModel(ModelGroundingDialog.Request request) {
        if (!canGroundWithModel()) {
            return;
        }
        ProjectStore store = w.project();
        long caseId = w.imageCaseId();
        OpenedImage image = w.imageProperty().get();
        DeviceChoice device = w.enginePanel().deviceChoice();
        lastGroundingModel = request.modelId();
        LabelMapLoader.LabelMap labels = w.shownLabels();
        CaseAnatomy known = anatomy != null && anatomy.caseId() == caseId && anatomyLabels == labels ? anatomy : null;
        Cancellation cancellation = new Cancellation();
        w.run("Grounding \"" + request.phrase() + "\" with " + request.modelId(), new Task<ModelGrounding.Grounded>() {
            @Override
            protected ModelGrounding.Grounded call() {
                CaseAnatomy a = known != null ? known : labels == null || labels.layers().isEmpty() ? null
                        : readAnatomy(store, caseId, image, labels).orElse(null);
                PhraseGroundingModel model = groundingModel(request.modelId(), device);
                // Grounding one slice takes a moment; opening the model is what a Cancel can still stop.
                cancellation.throwIfCancelled();
                return ModelGrounding.ground(store, new ModelGrounding.Target(caseId, image.volume(), a), model,
                        request.phrase(), request.slice());
            }
        }, cancellation, g -> {
            w.reloadReview();
            refresh();
            Evidence heat = g.claim().evidence().stream().filter(e -> e.kind() == EvidenceKind.HEATMAP).findFirst().orElse(null);
            if (heat != null && image == w.imageProperty().get()) {
                try {
                    w.claimOverlays().showHeatMap(heat, g.heatMap(), request.modelId() + " \u00B7 " + request.phrase());
                } catch (IllegalArgumentException zero) {
                    // A map that is zero everywhere has nothing to draw; the claim and its boxes still show.
                }
            }
            w.showReportTab();
            select(g.claim().claim().id());
            w.say(groundedMessage(g, request));
        });
    }

    private static String groundedMessage(ModelGrounding.Grounded g, ModelGroundingDialog.Request request) {
        var boxes = g.output().boxes();
        String what = boxes.isEmpty() ? "no box" : boxes.size() + (boxes.size() == 1 ? " box" : " boxes") + " (score "
                + String.join(", ", boxes.stream().map(b -> String.format(Locale.ROOT, "%.2f", b.score())).toList()) + ")";
        String heat = g.output().heatMap() == null ? "" : String.format(Locale.ROOT, " and a heat map peaking at %.2f",
                g.output().heatMap().peak().value());
        return request.modelId() + " placed " + what + heat + " for \"" + request.phrase() + "\" on slice " + g.slice();
    }

    /**
     * The open grounding model for the id and device, opening it (and closing the one before) when the choice or the
     * registered files changed. Runs on the window's one background thread, so models are never opened twice at once.
     */
    private PhraseGroundingModel groundingModel(String id, DeviceChoice device) {
        String key = id + " " + device + " " + w.models().entry(id).manifest().sha256();
        if (groundingModel == null || !key.equals(groundingKey)) {
            close();
            groundingModel = PhraseGroundingModel.open(w.models(), id, device);
            groundingKey = key;
        }
        return groundingModel;
    }

    /** Frees the grounding model's engine (the window is closing, or another model is chosen). */
    void close() {
        if (groundingModel != null) {
            groundingModel.close();
            groundingModel = null;
            groundingKey = null;
        }
    }

    /** Keeps the edit of the chosen sentence as its next version and checks it again. */
    void saveEdit() {
        ReportPanel.Line chosen = panel.sentences.getSelectionModel().getSelectedItem();
        String text = panel.edit.getText() == null ? "" : panel.edit.getText().strip();
        if (chosen == null || text.isEmpty() || text.equals(chosen.text())) {
            panel.status.setText(chosen == null ? "Choose a sentence to edit" : "Change the sentence to save an edit");
            return;
        }
        long editor = w.review().reviewer().id();
        withAnatomy("Saving the edit", a -> ReportClaims.revise(w.project(), a, chosen.claimId(), editor, text), r -> {
            refresh();
            w.say("Saved version " + r.revision().version() + " of the sentence; its checks were run again");
        });
    }

    /** Asks a local report server for the case's report, streaming its text into the panel. */
    void askServer() {
        Optional<ReportServerConfig> config = askConfig();
        if (config.isEmpty()) {
            return;
        }
        LabelMapLoader.LabelMap labels = w.shownLabels();
        WindowLevel wl = w.windowLevelProperty().get();
        DisplayWindow window = new DisplayWindow(wl.centre(), wl.width());
        StringBuilder text = new StringBuilder();
        panel.showStreamed("");
        w.showReportTab();
        withAnatomy("Asking " + config.get().baseUrl(), (a, cancel) -> {
            ServerReport.Result r = ServerReport.request(a, labels.layers().get(0), labels.descriptions(), window,
                    config.get(), w.imageProperty().get().modality(), token -> Platform.runLater(() -> {
                        text.append(token);
                        panel.showStreamed(text.toString());
                    }), cancel);
            return ReportClaims.addReport(w.project(), a, r.draft(), r.run()).size();
        }, n -> {
            w.reloadReview();
            refresh();
            w.say("Report server: " + n + " sentences stored and checked");
        });
    }

    private Optional<ReportServerConfig> askConfig() {
        Dialog<ReportServerConfig> d = new Dialog<>();
        d.initOwner(w.stage());
        d.setTitle("Report server");
        d.setHeaderText("An OpenAI-compatible server on this computer or your network (llama.cpp, vLLM, Ollama)");
        TextField url = new TextField(PREFS.get("server.url", ReportServerConfig.DEFAULT_BASE_URL));
        TextField model = new TextField(PREFS.get("server.model", ""));
        model.setPromptText("model name as the server knows it");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Address"), url);
        grid.addRow(1, new Label("Model"), model);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            PREFS.put("server.url", url.getText().strip());
            PREFS.put("server.model", model.getText().strip());
            return ReportServerConfig.of(url.getText().strip(), model.getText().strip());
        });
        try {
            return d.showAndWait();
        } catch (IllegalArgumentException e) {
            w.say("Report server: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Writes the case report PDF of the case being reviewed (key images, claims, checks, scores); blinded
     * when the review is, showing only this reviewer's work.
     */
    void exportCasePdf() {
        ProjectStore store = w.project();
        var current = w.review() == null ? Optional.<ReviewCase>empty() : w.review().currentCase();
        if (store == null || current.isEmpty()) {
            w.say("Open a project case to write its report");
            return;
        }
        ReviewCase c = current.get();
        var options = w.review().blinded()
                ? dev.attest.app.pdf.CaseReportOptions.blindedFor(w.review().reviewer().name(), dev.attest.app.pdf.CaseReportOptions.DEFAULT_KEY_IMAGES)
                : dev.attest.app.pdf.CaseReportOptions.unblinded(dev.attest.app.pdf.CaseReportOptions.DEFAULT_KEY_IMAGES);
        choosePdf("case-" + c.id() + "-report.pdf").ifPresent(out -> {
            Cancellation cancellation = new Cancellation();
            w.run("Writing the case report", new Task<dev.attest.reports.pdf.CaseReportData>() {
                @Override
                protected dev.attest.reports.pdf.CaseReportData call() throws Exception {
                    return dev.attest.app.pdf.PdfReports.writeCaseReport(store, c.id(), options, out,
                            java.time.Clock.systemUTC(), (done, total, what) -> updateProgress(done, Math.max(total, 1)),
                            cancellation);
                }
            }, cancellation, data -> w.say("Case report written to " + out));
        });
    }

    /** Writes the benchmark summary PDF of the whole project (metrics with intervals, verdicts, check failures). */
    void exportSummaryPdf() {
        ProjectStore store = w.project();
        if (store == null) {
            w.say("Open a project to summarise it");
            return;
        }
        choosePdf("benchmark-summary.pdf").ifPresent(out -> w.run("Writing the benchmark summary", new Task<Object>() {
            @Override
            protected Object call() throws Exception {
                return dev.attest.app.pdf.PdfReports.writeBenchmarkSummary(store, out);
            }
        }, new Cancellation(), data -> w.say("Benchmark summary written to " + out)));
    }

    private Optional<java.nio.file.Path> choosePdf(String name) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save PDF");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        return Optional.ofNullable(chooser.showSaveDialog(w.stage())).map(java.io.File::toPath);
    }

    private void select(long claimId) {
        for (int i = 0; i < panel.sentences.getItems().size(); i++) {
            if (panel.sentences.getItems().get(i).claimId() == claimId) {
                panel.sentences.getSelectionModel().select(i);
                panel.sentences.scrollTo(i);
            }
        }
    }

    /**
     * Reads the anatomy of the case's segmentation run from the labels on screen (in the background) and keeps it
     * for the next piece of work on the same case and labels; empty when the case has no segmentation run.
     */
    private Optional<CaseAnatomy> readAnatomy(ProjectStore store, long caseId, OpenedImage image,
                                              LabelMapLoader.LabelMap labels) {
        ReviewCase c = store.cases().stream().filter(k -> k.id() == caseId).findFirst().orElseThrow();
        Optional<CaseAnatomy> read = CaseAnatomy.of(store, c, image.volume(), labels.layers().get(0), labels.descriptions(),
                "CT".equals(image.modality()) ? "HU" : "");
        read.ifPresent(a -> Platform.runLater(() -> {
            anatomy = a;
            anatomyLabels = labels;
        }));
        return read;
    }

    /** Work that needs the case's anatomy, run in the background. */
    @FunctionalInterface
    interface AnatomyWork<T> {
        T apply(CaseAnatomy anatomy, Cancellation cancel) throws Exception;
    }

    private <T> void withAnatomy(String title, java.util.function.Function<CaseAnatomy, T> work,
                                 java.util.function.Consumer<T> done) {
        withAnatomy(title, (a, cancel) -> work.apply(a), done);
    }

    /**
     * Runs the work on the anatomy of the case on screen, reading it first when the case or its label map
     * changed; says what is missing when there is no project case with labels on screen.
     */
    private <T> void withAnatomy(String title, AnatomyWork<T> work, java.util.function.Consumer<T> done) {
        ProjectStore store = w.project();
        Long caseId = w.imageCaseId();
        OpenedImage image = w.imageProperty().get();
        LabelMapLoader.LabelMap labels = w.shownLabels();
        if (store == null || caseId == null || image == null) {
            w.say("Reports are written for a case of the open project: add the image and its model run first (Ctrl+Shift+A)");
            return;
        }
        if (labels == null || labels.layers().isEmpty()) {
            w.say("The case on screen has no label map to write a report from");
            return;
        }
        CaseAnatomy known = anatomy != null && anatomy.caseId() == caseId && anatomyLabels == labels ? anatomy : null;
        Cancellation cancellation = new Cancellation();
        w.run(title, new Task<T>() {
            @Override
            protected T call() throws Exception {
                CaseAnatomy a = known != null ? known : readAnatomy(store, caseId, image, labels).orElseThrow(
                        () -> new IllegalStateException("the case has no segmentation run in the project"));
                return work.apply(a, cancellation);
            }
        }, cancellation, done);
    }
}
