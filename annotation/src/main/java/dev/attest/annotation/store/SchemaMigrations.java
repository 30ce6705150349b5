package dev.attest.annotation.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The project schema as numbered migrations, applied in order inside one transaction each and recorded in
 * {@code schema_version}. A migration, once released, is never edited: a change is a new migration.
 */
public final class SchemaMigrations {

    /** The newest schema version this code writes and understands. */
    public static final int LATEST = 2;

    private SchemaMigrations() {
    }

    /** Applies the migrations the database lacks; refuses a database newer than {@link #LATEST}. */
    public static void migrate(Connection connection, SqlDialect dialect, Path file) throws SQLException {
        migrate(connection, dialect, file, LATEST);
    }

    /** Applies the migrations up to target only: how tests make a project as an older Attest left it. */
    static void migrate(Connection connection, SqlDialect dialect, Path file, int target) throws SQLException {
        int current = currentVersion(connection, file);
        for (int v = current + 1; v <= target; v++) {
            List<String> statements = migration(v, dialect);
            try (Statement st = connection.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, description(v));
                    ps.setString(3, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                    ps.executeUpdate();
                }
                for (String sql : dialect.recordVersion(v)) {
                    st.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new ProjectStoreException("migrating " + file + " to schema version " + v + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /** The version recorded in the database, 0 for an empty file; throws when it is newer than this code. */
    public static int currentVersion(Connection connection, Path file) throws SQLException {
        int version = 0;
        boolean hasTable;
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "schema_version", null)) {
            hasTable = rs.next();
        }
        if (hasTable) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                version = rs.getInt(1);
            }
        }
        connection.commit();
        if (version > LATEST) {
            throw new SchemaVersionException(file + " has schema version " + version + " but this Attest understands up to "
                    + LATEST + "; open it with a newer Attest (nothing was changed)");
        }
        return version;
    }

    static String description(int version) {
        return switch (version) {
            case 1 -> "reviewers, cases, assignments, model runs, claims, evidence, scores, corrections,"
                    + " missed findings, acceptability, audit log";
            case 2 -> "where each case's image is, automatic consistency checks per claim, reviewers' revisions of"
                    + " claim text";
            default -> throw new IllegalArgumentException("no migration " + version);
        };
    }

    static List<String> migration(int version, SqlDialect d) {
        return switch (version) {
            case 1 -> migration1(d);
            case 2 -> migration2(d);
            default -> throw new IllegalArgumentException("no migration " + version);
        };
    }

    /**
     * Version 2: a case remembers where its image is (so a review-only session can reopen it, and an export
     * can convert it); claims get their automatic check results and the text revisions reviewers make.
     */
    private static List<String> migration2(SqlDialect d) {
        String id = d.idColumn();
        List<String> s = new ArrayList<>();
        s.add("ALTER TABLE cases ADD COLUMN image_ref TEXT");
        s.add("CREATE TABLE claim_checks (id " + id + ", claim_id BIGINT NOT NULL REFERENCES claims (id),"
                + " check_kind TEXT NOT NULL, outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'unknown')),"
                + " value DOUBLE PRECISION, detail TEXT, created_at TEXT NOT NULL)");
        s.add("CREATE INDEX claim_checks_claim ON claim_checks (claim_id, id)");
        s.add("CREATE TABLE claim_revisions (id " + id + ", claim_id BIGINT NOT NULL REFERENCES claims (id),"
                + " version INTEGER NOT NULL CHECK (version >= 2), text TEXT NOT NULL,"
                + " editor_id BIGINT NOT NULL REFERENCES reviewers (id), created_at TEXT NOT NULL,"
                + " UNIQUE (claim_id, version))");
        s.addAll(d.forbidUpdates("claim_revisions", List.of("claim_id", "version", "text", "editor_id", "created_at")));
        s.addAll(d.forbidDeletes("claim_revisions"));
        return s;
    }

    private static List<String> migration1(SqlDialect d) {
        String id = d.idColumn();
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                + " applied_at TEXT NOT NULL)");
        s.add("CREATE TABLE reviewers (id " + id + ", name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)");
        s.add("CREATE TABLE cases (id " + id + ", study_ref TEXT NOT NULL UNIQUE, site TEXT, scanner TEXT,"
                + " modality TEXT, created_at TEXT NOT NULL)");
        s.add("CREATE TABLE case_assignments (case_id BIGINT NOT NULL REFERENCES cases (id),"
                + " reviewer_id BIGINT NOT NULL REFERENCES reviewers (id), assigned_at TEXT NOT NULL,"
                + " PRIMARY KEY (case_id, reviewer_id))");
        s.add("CREATE TABLE model_runs (id " + id + ", case_id BIGINT NOT NULL REFERENCES cases (id),"
                + " model_id TEXT NOT NULL, model_version TEXT, weights_sha256 TEXT, parameters_json TEXT,"
                + " engine TEXT, device TEXT, started_at TEXT NOT NULL, ended_at TEXT)");
        s.add("CREATE TABLE claims (id " + id + ", case_id BIGINT NOT NULL REFERENCES cases (id),"
                + " run_id BIGINT REFERENCES model_runs (id),"
                + " kind TEXT NOT NULL CHECK (kind IN ('finding', 'sentence', 'phrase')),"
                + " text TEXT NOT NULL, label_value INTEGER, numeric_value DOUBLE PRECISION, unit TEXT,"
                + " created_at TEXT NOT NULL)");
        s.add("CREATE TABLE evidence (id " + id + ", claim_id BIGINT NOT NULL REFERENCES claims (id),"
                + " kind TEXT NOT NULL CHECK (kind IN ('mask', 'box', 'point', 'heatmap')),"
                + " artifact_path TEXT, artifact_sha256 TEXT, geometry_json TEXT, method_json TEXT,"
                + " created_at TEXT NOT NULL,"
                + " CHECK ((artifact_path IS NULL) = (artifact_sha256 IS NULL)),"
                + " CHECK ((artifact_path IS NULL) <> (geometry_json IS NULL)))");
        s.add("CREATE TABLE scores (id " + id + ", claim_id BIGINT NOT NULL REFERENCES claims (id),"
                + " reviewer_id BIGINT NOT NULL REFERENCES reviewers (id),"
                + " version INTEGER NOT NULL CHECK (version >= 1),"
                + " verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'partially_correct', 'incorrect', 'ungradable')),"
                + " evidence_support TEXT NOT NULL CHECK (evidence_support IN ('supports', 'partial', 'contradicts',"
                + " 'none_or_off_target')),"
                + " localisation TEXT CHECK (localisation IN ('good', 'hit_only', 'miss')),"
                + " error_type TEXT CHECK (error_type IN ('false_finding', 'wrong_location', 'wrong_severity_or_size',"
                + " 'false_comparison', 'omitted_comparison', 'negation_error', 'device_error')),"
                + " significance TEXT CHECK (significance IN ('significant', 'insignificant')),"
                + " note TEXT, created_at TEXT NOT NULL,"
                + " superseded_by BIGINT REFERENCES scores (id),"
                + " is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),"
                + " CHECK (verdict <> 'correct' OR error_type IS NULL),"
                + " UNIQUE (claim_id, reviewer_id, version))");
        s.add("CREATE TABLE corrected_annotations (id " + id + ", case_id BIGINT NOT NULL REFERENCES cases (id),"
                + " claim_id BIGINT REFERENCES claims (id),"
                + " kind TEXT NOT NULL CHECK (kind IN ('mask', 'box', 'point')),"
                + " artifact_path TEXT, artifact_sha256 TEXT, geometry_json TEXT,"
                + " derived_from_evidence_id BIGINT REFERENCES evidence (id),"
                + " editor_id BIGINT NOT NULL REFERENCES reviewers (id), created_at TEXT NOT NULL,"
                + " CHECK ((artifact_path IS NULL) = (artifact_sha256 IS NULL)),"
                + " CHECK ((artifact_path IS NULL) <> (geometry_json IS NULL)))");
        s.add("CREATE TABLE missed_findings (id " + id + ", case_id BIGINT NOT NULL REFERENCES cases (id),"
                + " reviewer_id BIGINT NOT NULL REFERENCES reviewers (id), text TEXT NOT NULL, geometry_json TEXT,"
                + " created_at TEXT NOT NULL)");
        s.add("CREATE TABLE report_acceptability (case_id BIGINT NOT NULL REFERENCES cases (id),"
                + " reviewer_id BIGINT NOT NULL REFERENCES reviewers (id),"
                + " acceptability TEXT NOT NULL CHECK (acceptability IN ('acceptable', 'acceptable_with_edits',"
                + " 'unacceptable')), note TEXT, created_at TEXT NOT NULL, PRIMARY KEY (case_id, reviewer_id))");
        s.add("CREATE TABLE audit_log (id " + id + ", at TEXT NOT NULL, reviewer_id BIGINT REFERENCES reviewers (id),"
                + " action TEXT NOT NULL, entity TEXT NOT NULL, entity_id BIGINT NOT NULL, details_json TEXT)");
        // Indexes for the worklist and progress queries (see StoreBenchmark for the figures they buy).
        s.add("CREATE INDEX cases_site ON cases (site)");
        s.add("CREATE INDEX case_assignments_reviewer ON case_assignments (reviewer_id)");
        s.add("CREATE INDEX model_runs_case ON model_runs (case_id)");
        s.add("CREATE INDEX model_runs_model ON model_runs (model_id)");
        s.add("CREATE INDEX claims_case ON claims (case_id, id)");
        s.add("CREATE INDEX claims_run ON claims (run_id)");
        s.add("CREATE INDEX evidence_claim ON evidence (claim_id)");
        // At most one current score per reviewer per claim; also the lookup for "unscored by me".
        s.add("CREATE UNIQUE INDEX scores_current ON scores (claim_id, reviewer_id) WHERE is_current = 1");
        s.add("CREATE INDEX scores_reviewer_current ON scores (reviewer_id, claim_id) WHERE is_current = 1");
        s.add("CREATE INDEX corrected_annotations_case ON corrected_annotations (case_id)");
        s.add("CREATE INDEX missed_findings_case ON missed_findings (case_id)");
        s.add("CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)");
        s.addAll(d.forbidUpdates("scores", List.of("claim_id", "reviewer_id", "version", "verdict", "evidence_support",
                "localisation", "error_type", "significance", "note", "created_at")));
        s.addAll(d.forbidDeletes("scores"));
        s.addAll(d.forbidUpdates("audit_log", List.of("at", "reviewer_id", "action", "entity", "entity_id",
                "details_json")));
        s.addAll(d.forbidDeletes("audit_log"));
        return s;
    }
}
