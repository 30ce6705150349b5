package dev.attest.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.app.export.ExportOptions;
import dev.attest.app.export.ExportSummary;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File ▸ Export benchmark set (headless Monocle): the form's name, licence, creator and URL reach croissant.json,
 * bad values keep the Export button off with the reason shown, and what an export left out is listed for the user.
 */
@ExtendWith(ApplicationExtension.class)
class SetExportTest {
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
    void theFormChecksWhatIsTypedAndGivesTheOptions(FxRobot robot) throws Exception {
        SetExportForm form = onFx(() -> new SetExportForm("Lung study (2026)"));
        assertEquals("Lung-study-2026-benchmark-set", form.name.getText());
        assertTrue(form.validProperty().get());

        robot.interact(() -> form.name.setText("lung study"));
        assertFalse(form.validProperty().get());
        assertTrue(form.problem.getText().startsWith("The name may hold letters"), form.problem.getText());
        assertEquals(Optional.empty(), form.options());

        robot.interact(() -> {
            form.name.setText("lung-v1");
            form.licence.getEditor().setText("CC-BY");
        });
        assertFalse(form.validProperty().get());
        assertTrue(form.problem.getText().startsWith("The licence is given as the URL"), form.problem.getText());

        robot.interact(() -> {
            form.licence.getEditor().setText(SetExportForm.LICENCES.get(1));
            form.url.setText("ftp://example.org/set");
        });
        assertEquals("The URL must start with https:// or http://", form.problem.getText());

        robot.interact(() -> {
            form.url.setText("https://example.org/lung-v1");
            form.creator.setText("Chest imaging group");
            form.sites.setSelected(false);
            form.zip.setSelected(true);
        });
        assertTrue(form.validProperty().get());
        assertEquals("", form.problem.getText());
        ExportOptions o = form.options().orElseThrow();
        assertEquals("lung-v1", o.name());
        assertEquals("https://spdx.org/licenses/CC-BY-4.0.html", o.license());
        assertEquals("Chest imaging group", o.creator());
        assertEquals("https://example.org/lung-v1", o.url());
        assertTrue(o.zip());
        assertFalse(o.dicom());
        assertFalse(o.keepsSites(), "site names become pseudonyms when not kept");
    }

    @Test
    void anExportFromTheWindowCarriesTheFormsDescription(FxRobot robot) throws Exception {
        ModelCaseFixture.scoreableCase(window, robot, dir.resolve("project"), dicom);
        Path out = dir.resolve("lung-v1");
        ExportOptions options = ExportOptions.DEFAULT.withDescription("lung-v1", "https://spdx.org/licenses/CC-BY-4.0.html",
                "Chest imaging group", "https://example.org/lung-v1");
        robot.interact(() -> SetExport.export(window, window.project(), options, out));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(out.resolve("croissant.json"))
                && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        JsonNode c = new ObjectMapper().readTree(out.resolve("croissant.json").toFile());
        assertEquals("lung-v1", c.get("name").asText());
        assertEquals("https://spdx.org/licenses/CC-BY-4.0.html", c.get("license").asText());
        assertEquals("Chest imaging group", c.get("creator").get("name").asText());
        assertEquals("https://example.org/lung-v1", c.get("url").asText());
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.startsWith("# lung-v1\n"), readme.substring(0, 40));
        assertTrue(Files.exists(out.resolve("sr/case-0001-sr.dcm")));
        String status = robot.lookup("#message").queryLabeled().getText();
        int claims = window.project().claims().size();
        assertTrue(status.startsWith("Exported 1 case, " + claims + " claim" + (claims == 1 ? "" : "s") + " and "), status);
    }

    @Test
    void whatWasLeftOutIsListedInAWindowThatDoesNotBlock(FxRobot robot) throws Exception {
        ExportSummary s = new ExportSummary(dir.resolve("set"), null, 2, 1, 3, 4, 2, 20, 1000, 5, 0, 0, 0,
                List.of("case 7 (case-0002): image not read: /data/x.nii.gz is missing",
                        "case-0001: COCO: a phrase's region mask ... (evidence 25)"));
        Alert a = onFx(() -> SetExport.warningsWindow(window, s));
        assertEquals("2 things were left out of set; the set's README counts them by reason", a.getHeaderText());
        assertEquals(String.join("\n", s.warnings()), ((TextArea) a.getDialogPane().getContent()).getText());
        assertEquals(javafx.stage.Modality.NONE, a.getModality());
    }

    @Test
    void anExportedSetImportsIntoANewProjectThatOpensWithItsMetricsReproduced(FxRobot robot) throws Exception {
        ModelCaseFixture.scoreableCase(window, robot, dir.resolve("project-2"), dicom);
        int claims = window.project().claims().size();
        Path set = dir.resolve("set-2");
        robot.interact(() -> SetExport.export(window, window.project(), ExportOptions.DEFAULT.withZip(true), set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(set.resolve("croissant.json"))
                && !window.busyProperty().get());
        Path zip = dev.attest.app.export.SetExporter.zipOf(set);
        assertEquals(set.toAbsolutePath(), SetImport.setOf(set.resolve("croissant.json")));
        assertEquals(zip, SetImport.setOf(zip));
        assertEquals("set-2-project", SetImport.projectName(zip));
        Files.createDirectories(dir.resolve("set-2-project"));
        Path target = SetImport.freshFolder(dir, SetImport.projectName(zip));
        assertEquals(dir.resolve("set-2-project-2"), target, "an existing folder is never written into");

        robot.interact(() -> SetImport.importInto(window, zip, target, "carol"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.busyProperty().get()
                && window.project() != null && window.project().folder().equals(target));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane result = javafx.stage.Window.getWindows().stream()
                .filter(x -> x instanceof Stage st && "Benchmark set imported".equals(st.getTitle()))
                .map(x -> (javafx.scene.control.DialogPane) x.getScene().getRoot()).findFirst().orElseThrow();
        assertTrue(result.getHeaderText().startsWith("Imported set-2.zip into " + target + ": 1 case, " + claims + " claims"),
                result.getHeaderText());
        assertEquals("The metrics recomputed from the rebuilt project equal the set's metrics.json exactly.",
                result.getContentText());
        assertEquals(claims, window.project().claims().size());
        assertTrue(window.project().reviewers().stream().anyMatch(r -> r.name().equals("carol")));

        // A tampered set fails naming the file, and the half-built project is removed.
        Path tampered = dir.resolve("tampered");
        robot.interact(() -> SetExport.export(window, window.project(), ExportOptions.DEFAULT, tampered));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(tampered.resolve("croissant.json"))
                && !window.busyProperty().get());
        Files.writeString(tampered.resolve("claims.jsonl"), Files.readString(tampered.resolve("claims.jsonl")) + "\n");
        Path nowhere = dir.resolve("tampered-project");
        robot.interact(() -> SetImport.importInto(window, tampered, nowhere, "carol"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.busyProperty().get()
                && robot.lookup("#message").queryLabeled().getText().contains("failed"));
        String failed = robot.lookup("#message").queryLabeled().getText();
        assertTrue(failed.startsWith("Importing tampered failed: claims.jsonl: sha256 is "), failed);
        assertFalse(Files.exists(nowhere));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
