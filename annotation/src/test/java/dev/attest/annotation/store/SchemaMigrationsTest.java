package dev.attest.annotation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
    @TempDir
    Path dir;

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void migratingAnEmptyFileCreatesExactlyTheLatestTables() throws Exception {
        Path file = dir.resolve("empty.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            SchemaMigrations.migrate(c, new SqliteDialect(), file);
            assertEquals(List.of("2"), column(c, "PRAGMA user_version"));
            assertEquals(List.of("1", "2"), column(c, "SELECT version FROM schema_version ORDER BY version"));
            assertEquals(List.of("audit_log", "case_assignments", "cases", "claim_checks", "claim_revisions", "claims",
                    "corrected_annotations", "evidence", "missed_findings", "model_runs", "report_acceptability",
                    "reviewers", "schema_version", "scores"),
                    column(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
            assertEquals(List.of("audit_log_append_only", "audit_log_no_delete", "claim_revisions_append_only",
                    "claim_revisions_no_delete", "scores_append_only", "scores_no_delete"),
                    column(c, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"));
            // A second run finds nothing to do.
            SchemaMigrations.migrate(c, new SqliteDialect(), file);
            assertEquals(List.of("2"), column(c, "SELECT COUNT(*) FROM schema_version"));
        }
    }

    @Test
    void aVersionOneProjectMigratesToVersionTwoKeepingItsCases() throws Exception {
        Path folder = dir.resolve("old");
        Files.createDirectories(folder.resolve("artifacts"));
        Path db = folder.resolve("project.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            SchemaMigrations.migrate(c, new SqliteDialect(), db, 1);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO cases (study_ref, site, created_at) VALUES ('1.2.3', 'A', '2026-01-01T00:00:00Z')");
            }
            c.commit();
        }
        try (ProjectStore store = Projects.open(folder)) {
            var kase = store.cases().get(0);
            assertEquals("1.2.3", kase.studyRef());
            assertEquals(null, kase.imageRef());
            assertEquals("/data/ct.nii.gz", store.setImageRef(kase.id(), "/data/ct.nii.gz").imageRef());
            assertEquals("/data/ct.nii.gz", store.cases().get(0).imageRef());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(List.of("1", "2"), column(c, "SELECT version FROM schema_version ORDER BY version"));
        }
    }

    @Test
    void aNewProjectUsesWalFullSyncForeignKeysAndABusyTimeout() {
        try (ProjectStore store = Projects.create(dir.resolve("p"))) {
            SqliteProjectStore s = (SqliteProjectStore) store;
            assertEquals("wal", s.pragmaValue("journal_mode"));
            assertEquals("2", s.pragmaValue("synchronous")); // 2 = FULL
            assertEquals("1", s.pragmaValue("foreign_keys"));
            assertEquals("10000", s.pragmaValue("busy_timeout"));
        }
        assertTrue(Files.isDirectory(dir.resolve("p/artifacts")));
    }

    @Test
    void openingANewerSchemaRefusesAndChangesNothing() throws Exception {
        Path folder = dir.resolve("p");
        Projects.create(folder).close();
        Path db = folder.resolve("project.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (3, 'future', 'x')");
            st.execute("PRAGMA user_version = 3");
        }
        SchemaVersionException e = assertThrows(SchemaVersionException.class, () -> Projects.open(folder));
        assertEquals(db + " has schema version 3 but this Attest understands up to 2; open it with a newer Attest"
                + " (nothing was changed)", e.getMessage());
        assertThrows(SchemaVersionException.class, () -> Projects.openReadOnly(folder));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(List.of("1", "2", "3"), column(c, "SELECT version FROM schema_version ORDER BY version"));
        }
    }

    @Test
    void aFolderWithoutADatabaseIsNotAProject() {
        ProjectStoreException e = assertThrows(ProjectStoreException.class, () -> Projects.open(dir));
        assertEquals(dir + " is not an Attest project: " + dir.resolve("project.db") + " is missing", e.getMessage());
    }

    @Test
    void aFileThatIsNotSqliteIsReportedWithItsPath() throws Exception {
        Files.writeString(dir.resolve("project.db"), "this is not a database, just text long enough to have a header");
        ProjectStoreException e = assertThrows(ProjectStoreException.class, () -> Projects.open(dir));
        assertTrue(e.getMessage().startsWith("cannot open " + dir.resolve("project.db") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not a database"), e.getMessage());
    }

    @Test
    void creatingOverAnExistingProjectIsRefused() {
        Projects.create(dir).close();
        ProjectStoreException e = assertThrows(ProjectStoreException.class, () -> Projects.create(dir));
        assertEquals("cannot create a project in " + dir + ": " + dir.resolve("project.db") + " already exists",
                e.getMessage());
    }
}
