package dev.attest.app.gui;

import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.app.review.CaseImport;
import dev.attest.core.geometry.Vec3;
import javafx.scene.control.Label;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The done-when test of review and scoring (headless Monocle): new project, open a DICOM phantom, run the
 * built-in demo model, add the case from the keyboard, score every claim with keys alone (one undo among
 * them), and read the scores back from project.db with plain JDBC, field by field.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewWorkflowTest {
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

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One row of the scores table as the test reads it. */
    record Row(String claim, String reviewer, int version, String verdict, String support, String localisation,
               String errorType, String significance, String note, boolean superseded, boolean current) {
    }

    @Test
    void scoresAWholeCaseFromTheKeyboardAndEveryVersionIsInTheDatabase(FxRobot robot) throws Exception {
        assertEquals(List.of(), window.actions().keyMap().conflicts(), "the scoring keys clash with no other key");
        Path projectDir = dir.resolve("project");
        ModelCaseFixture.scoreableCase(window, robot, projectDir, dicom);
        List<WorklistItem> claims = window.review().claims();
        List<String> texts = claims.stream().map(i -> i.claim().text()).toList();
        // The demo model's labels on this coarse phantom, in label order, as FindingText words them. Pinned from
        // the model: 5 mm voxels put source planes on exact halves of the 6 mm network grid, which take the upper
        // neighbour's label (StorageRounding) rather than whichever side the last bit of an affine product fell.
        assertEquals(List.of("body, 8,743 mL, mean -154 HU", "right lung, 588 mL, mean -896 HU", "left lung, 1,332 mL, mean -934 HU",
                "liver, 1,549 mL, mean -90 HU", "right kidney, 89 mL, mean -593 HU", "left kidney, 95 mL, mean 30 HU",
                "vertebral column, 200 mL, mean 500 HU", "aorta, 36 mL, mean -281 HU", "liver lesion, 40 mL, mean -785 HU",
                "spleen, 128 mL, mean -418 HU", "inferior vena cava, 46 mL, mean 85 HU"), texts);

        List<Row> expected = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            String text = texts.get(i);
            if (i > 0) {
                robot.push(KeyCode.J);
                WaitForAsyncUtils.waitForFxEvents();
            }
            Evidence evidence = window.review().store().evidence(claims.get(i).claim().id()).get(0);
            CaseImport.MaskTarget target = CaseImport.target(evidence).orElseThrow();
            assertEquals(target.centroidLps(), window.crosshairProperty().get().point(), "the crosshair is on " + text);
            assertEquals(target.labelValue(), window.overlays().highlighted());
            if (i == 0) {
                // correct, supports, good, insignificant, then a note
                robot.push(KeyCode.DIGIT1).push(KeyCode.DIGIT5).push(KeyCode.T).push(KeyCode.DIGIT0)
                        .push(KeyCode.SHIFT, KeyCode.N).write("ok").push(KeyCode.ENTER);
                expected.add(new Row(text, "ann", 1, "correct", "supports", null, null, null, null, true, false));
                expected.add(new Row(text, "ann", 2, "correct", "supports", "good", null, null, null, true, false));
                expected.add(new Row(text, "ann", 3, "correct", "supports", "good", null, "insignificant", null, true, false));
                expected.add(new Row(text, "ann", 4, "correct", "supports", "good", null, "insignificant", "ok", false, true));
            } else if (i == 1) {
                // incorrect, contradicts, miss, false finding, significant; undo the last; insignificant
                robot.push(KeyCode.DIGIT3).push(KeyCode.DIGIT7).push(KeyCode.U).push(KeyCode.SHIFT, KeyCode.DIGIT1)
                        .push(KeyCode.DIGIT9).push(KeyCode.CONTROL, KeyCode.Z).push(KeyCode.DIGIT0);
                expected.add(new Row(text, "ann", 1, "incorrect", "contradicts", null, null, null, null, true, false));
                expected.add(new Row(text, "ann", 2, "incorrect", "contradicts", "miss", null, null, null, true, false));
                expected.add(new Row(text, "ann", 3, "incorrect", "contradicts", "miss", "false_finding", null, null, true, false));
                expected.add(new Row(text, "ann", 4, "incorrect", "contradicts", "miss", "false_finding", "significant", null, true, false));
                expected.add(new Row(text, "ann", 5, "incorrect", "contradicts", "miss", "false_finding", null, null, true, false));
                expected.add(new Row(text, "ann", 6, "incorrect", "contradicts", "miss", "false_finding", "insignificant", null, false, true));
            } else {
                // partially correct, partial, hit only, wrong severity or size, insignificant
                robot.push(KeyCode.DIGIT2).push(KeyCode.DIGIT6).push(KeyCode.Y).push(KeyCode.SHIFT, KeyCode.DIGIT3).push(KeyCode.DIGIT0);
                expected.add(new Row(text, "ann", 1, "partially_correct", "partial", null, null, null, null, true, false));
                expected.add(new Row(text, "ann", 2, "partially_correct", "partial", "hit_only", null, null, null, true, false));
                expected.add(new Row(text, "ann", 3, "partially_correct", "partial", "hit_only", "wrong_severity_or_size", null, null, true, false));
                expected.add(new Row(text, "ann", 4, "partially_correct", "partial", "hit_only", "wrong_severity_or_size", "insignificant", null, false, true));
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(claims.size() + " of " + claims.size() + " scored", robot.lookup("#review-progress").queryAs(Label.class).getText());

        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + projectDir.resolve("project.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.text, r.name, s.version, s.verdict, s.evidence_support, s.localisation,"
                     + " s.error_type, s.significance, s.note, s.superseded_by, s.is_current FROM scores s"
                     + " JOIN claims c ON c.id = s.claim_id JOIN reviewers r ON r.id = s.reviewer_id ORDER BY s.claim_id, s.version")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10) != null, rs.getInt(11) == 1));
            }
        }
        assertEquals(expected, rows);

        // The whole report: acceptable with edits (Shift+9), and one missed finding typed after Shift+M, placed
        // at the crosshair (on the last claim's centroid).
        Vec3 at = window.crosshairProperty().get().point();
        robot.push(KeyCode.SHIFT, KeyCode.DIGIT9);
        robot.push(KeyCode.SHIFT, KeyCode.M).write("rib fracture").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + projectDir.resolve("project.db"));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT r.name, a.acceptability, a.note FROM report_acceptability a"
                    + " JOIN reviewers r ON r.id = a.reviewer_id")) {
                assertEquals(true, rs.next());
                assertEquals(List.of("ann", "acceptable_with_edits"), List.of(rs.getString(1), rs.getString(2)));
                assertEquals(null, rs.getString(3));
                assertEquals(false, rs.next());
            }
            try (ResultSet rs = st.executeQuery("SELECT r.name, m.text, m.geometry_json FROM missed_findings m"
                    + " JOIN reviewers r ON r.id = m.reviewer_id")) {
                assertEquals(true, rs.next());
                assertEquals(List.of("ann", "rib fracture", String.format(java.util.Locale.ROOT,
                        "{\"point_lps_mm\":[%.3f,%.3f,%.3f]}", at.x(), at.y(), at.z())),
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
                assertEquals(false, rs.next());
            }
        }
        assertEquals("Missed: rib fracture", robot.lookup("#review-missed-list").queryAs(Label.class).getText());

        // Review-only: a second reader opens the project; choosing a claim reopens the case's image from the
        // folder the project recorded and its label map from the project's artifacts, with no model run.
        var shownBefore = window.imageProperty().get();
        WaitForAsyncUtils.asyncFx(() -> window.openProject(projectDir, "ben")).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.imageProperty().get() != shownBefore
                && !window.busyProperty().get());
        waitIdle();
        assertEquals(shownBefore.seriesInstanceUid(), window.imageProperty().get().seriesInstanceUid());
        WorklistItem first = window.review().currentClaim().orElseThrow();
        CaseImport.MaskTarget target = CaseImport.target(window.review().store().evidence(first.claim().id()).get(0))
                .orElseThrow();
        assertEquals(target.centroidLps(), window.crosshairProperty().get().point());
        assertEquals(target.labelValue(), window.overlays().highlighted());
        // The names came back with the map (its ITK-SNAP description artifact), not from a model manifest.
        assertEquals("4  liver", robot.lookup("#label-4").queryAs(javafx.scene.control.CheckBox.class).getText());
    }
}
