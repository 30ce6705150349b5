package dev.attest.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code attest project} on a real folder of studies: one case per image series with its scanner and
 * modality as pydicom reads them (SIEMENS / Biograph40_mCT 4R / CT; the example is de-identified, so no
 * Series Instance UID and no institution: the folder names the case and --site gives the site), one
 * case per NIfTI file, then reviewers, assignment and progress.
 */
class ProjectCommandTest {
    static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));

    @Test
    void importsAFolderOfStudiesAsCasesAndAssignsThem(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("bench");
        assertEquals(0, CliTest.attest("project", "create", project.toString()).exit());
        Path series = DATA.resolve("series-ct/totalsegmentator_example_ct_dicom").toAbsolutePath().normalize();
        Path nifti = DATA.resolve("nifti/brainchop_t1_crop.nii.gz").toAbsolutePath().normalize();
        CliTest.Run imported = CliTest.attest("project", "import-cases", project.toString(), series.toString(),
                nifti.toString(), "--site", "site-A");
        assertEquals(0, imported.exit(), imported.err());
        JsonNode rows = new ObjectMapper().readTree(imported.out()).get("imported");
        assertEquals(2, rows.size());
        assertEquals(series.toString(), rows.get(0).get("studyRef").asText());
        assertEquals("site-A", rows.get(0).get("site").asText());
        assertEquals("SIEMENS Biograph40_mCT 4R", rows.get(0).get("scanner").asText());
        assertEquals("CT", rows.get(0).get("modality").asText());
        assertEquals(nifti.toString(), rows.get(1).get("studyRef").asText());
        assertEquals(true, rows.get(1).get("scanner").isNull());

        assertEquals(0, CliTest.attest("project", "add-reviewer", project.toString(), "alice").exit());
        CliTest.Run assigned = CliTest.attest("project", "assign", project.toString(), "--reviewer", "alice");
        assertEquals("[1,2]", new ObjectMapper().readTree(assigned.out()).get("assigned").toString());
        CliTest.Run unknown = CliTest.attest("project", "assign", project.toString(), "--reviewer", "bob");
        assertEquals(2, unknown.exit());
        CliTest.Run status = CliTest.attest("project", "status", project.toString());
        JsonNode s = new ObjectMapper().readTree(status.out());
        assertEquals(2, s.get("cases").asInt());
        assertEquals("0 of 0 scored", s.get("reviewers").get("alice").asText());
    }
}
