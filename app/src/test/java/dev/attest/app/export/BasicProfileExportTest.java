package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.deid.DeidOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without the retain-identity options, sites and scanners become pseudonyms everywhere and the metrics still reproduce. */
class BasicProfileExportTest {
    @Test
    void sitesAndScannersArePseudonymsInTablesMetricsAndDatasheet(@TempDir Path dir) throws Exception {
        ScoredProject project = new ScoredProject(dir);
        Path out = dir.resolve("set");
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            SetExporter.export(store, out, ExportOptions.DEFAULT.withDeid(DeidOptions.basic()), ProgressListener.NONE,
                    new Cancellation());
        }
        ObjectMapper json = new ObjectMapper();
        List<String> sites = new ArrayList<>();
        List<String> scanners = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("cases.jsonl"))) {
            JsonNode c = json.readTree(line);
            sites.add(c.get("site").asText());
            scanners.add(c.get("scanner").asText());
        }
        assertEquals(List.of("site-1", "site-2"), sites);
        assertEquals(List.of("scanner-1", "scanner-2"), scanners);
        JsonNode strata = json.readTree(out.resolve("metrics.json").toFile()).get("metrics").get("strata");
        List<String> siteGroups = new ArrayList<>();
        strata.get("site").fieldNames().forEachRemaining(siteGroups::add);
        assertEquals(List.of("site-1", "site-2"), siteGroups);
        assertEquals(strata.get("site").get("site-2").get("scores").intValue(),
                project.claims2.size() * 2, "case 2's claims, each scored by both reviewers");
        for (Path f : List.of(out.resolve("README.md"), out.resolve("croissant.json"), out.resolve("metrics.json"))) {
            String text = Files.readString(f);
            assertFalse(text.contains("Hospital") || text.contains("Scanner X1"), f.toString());
        }
        assertTrue(Files.readString(out.resolve("README.md")).contains("Site names are replaced by site-1, site-2, ..."));
        ImportResult r = SetImporter.importSet(out, null, ProgressListener.NONE, new Cancellation());
        assertTrue(r.reproduced(), r.differences().toString());
    }
}
