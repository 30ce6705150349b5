package dev.attest.app.gui;

import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ClaimRevision;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report view from the keyboard and mouse (headless Monocle): Shift+R writes the report of the model's run,
 * choosing a sentence makes it the claim being scored and moves the crosshair to its evidence, an edit that
 * flips its side is saved as a version whose laterality check fails, and a typed phrase is grounded.
 */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {
    @TempDir
    static Path dir;
    private static Path dicom;
    private MainWindow window;

    @BeforeAll
    static void writeCase() throws Exception {
        dicom = ModelCaseFixture.writePhantomSeries(dir);
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void theReportIsWrittenChosenEditedAndAPhraseGrounded(FxRobot robot) throws Exception {
        ModelCaseFixture.scoreableCase(window, robot, dir.resolve("project"), dicom);
        ReportPanel panel = window.reporting().panel();
        robot.push(KeyCode.SHIFT, KeyCode.R);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !panel.sentences.getItems().isEmpty() && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        var store = window.project();
        long caseId = window.imageCaseId();
        List<ReportPanel.Line> lines = List.copyOf(panel.sentences.getItems());
        assertEquals(store.claims(caseId).stream().filter(c -> c.kind() == ClaimKind.SENTENCE).map(c -> c.text()).toList(),
                lines.stream().map(ReportPanel.Line::text).toList());
        assertEquals("Report", robot.lookup("#review-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getText(), "the report tab opens when it is written");

        // Choose "Left kidney volume ... mL.".
        int index = 0;
        while (!lines.get(index).text().startsWith("Left kidney volume")) {
            index++;
        }
        ReportPanel.Line kidney = lines.get(index);
        int row = index;
        // The side panel may scroll the list out of a small test window: choose as the keyboard does.
        WaitForAsyncUtils.asyncFx(() -> {
            panel.sentences.requestFocus();
            panel.sentences.getSelectionModel().select(row);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(kidney.claimId(), window.review().currentClaim().orElseThrow().claim().id(),
                "the chosen sentence is the claim being scored");
        assertEquals(kidney.text(), panel.edit.getText());
        var centroid = dev.attest.app.review.CaseImport.target(store.evidence(kidney.claimId()).get(0)).orElseThrow().centroidLps();
        assertEquals(0, window.crosshairProperty().get().point().distance(centroid), 1e-9, "the crosshair is on the evidence");

        // Flip its side and save with Enter: a new version, checked again against the left kidney's mask.
        String flipped = kidney.text().replace("Left", "Right");
        WaitForAsyncUtils.asyncFx(() -> {
            panel.edit.requestFocus();
            panel.edit.setText(flipped);
        }).get();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !store.revisions(kidney.claimId()).isEmpty() && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<ClaimRevision> versions = store.revisions(kidney.claimId());
        assertEquals(flipped, versions.get(0).text());
        assertEquals(2, versions.get(0).version());
        ReportPanel.Line shown = panel.sentences.getItems().stream().filter(l -> l.claimId() == kidney.claimId()).findFirst().orElseThrow();
        assertEquals(flipped, shown.text());
        assertTrue(shown.edited());
        List<ClaimCheck> checks = shown.checks();
        assertEquals("laterality", checks.get(1).kind());
        assertEquals(CheckOutcome.FAIL, checks.get(1).outcome(), "the left kidney's mask lies on the left");
        assertEquals(CheckOutcome.PASS, kidney.checks().get(1).outcome(), "it passed before the edit");
        assertEquals(1 - kidney.checks().get(1).value(), checks.get(1).value(), 1e-12);

        // Ground a phrase typed after Shift+G.
        robot.clickOn("#view-axial");
        robot.push(KeyCode.SHIFT, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.phrase.isFocused(), "Shift+G goes to the phrase field");
        WaitForAsyncUtils.asyncFx(() -> panel.phrase.setText("upper part of the liver")).get();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.sentences.getItems().stream()
                .anyMatch(l -> l.kind() == ClaimKind.PHRASE) && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        ReportPanel.Line phrase = panel.sentences.getSelectionModel().getSelectedItem();
        assertEquals("upper part of the liver", phrase.text());
        assertEquals(ClaimKind.PHRASE, store.claims(caseId).stream().filter(c -> c.id() == phrase.claimId()).findFirst()
                .orElseThrow().kind());
        assertEquals(List.of(CheckOutcome.PASS, CheckOutcome.UNKNOWN, CheckOutcome.PASS, CheckOutcome.UNKNOWN),
                phrase.checks().stream().map(ClaimCheck::outcome).toList());
    }
}
