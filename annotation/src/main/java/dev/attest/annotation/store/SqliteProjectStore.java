package dev.attest.annotation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.AuditEntry;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.Progress;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.annotation.model.WorklistPage;
import dev.attest.annotation.model.WorklistQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.sqlite.SQLiteConfig;

/**
 * {@link ProjectStore} on one SQLite connection in WAL mode with synchronous=FULL: a commit is on disk (WAL
 * fsynced) before a write method returns, so an acknowledged change survives a killed process and a power cut.
 * All methods are synchronized on the store.
 */
public final class SqliteProjectStore implements ProjectStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCORE_COLUMNS = "id, claim_id, reviewer_id, version, verdict, evidence_support,"
            + " localisation, error_type, significance, note, created_at, superseded_by, is_current";
    private static final String CLAIM_COLUMNS = "c.id, c.case_id, c.run_id, c.kind, c.text, c.label_value,"
            + " c.numeric_value, c.unit, c.created_at";
    private static final String CASE_COLUMNS = "k.id, k.study_ref, k.site, k.scanner, k.modality, k.created_at,"
            + " k.image_ref";
    private static final String RUN_COLUMNS = "id, case_id, model_id, model_version, weights_sha256, parameters_json,"
            + " engine, device, started_at, ended_at";

    private final Path folder;
    private final Path dbFile;
    private final boolean readOnly;
    private final ProjectLock lock;
    private final Connection connection;
    private final ArtifactFiles artifacts;

    private SqliteProjectStore(Path folder, boolean readOnly, ProjectLock lock, Connection connection) {
        this.folder = folder;
        this.dbFile = folder.resolve(Projects.DATABASE);
        this.readOnly = readOnly;
        this.lock = lock;
        this.connection = connection;
        this.artifacts = new ArtifactFiles(folder);
    }

    static SqliteProjectStore open(Path folder, boolean readOnly, boolean creating) {
        Path db = folder.resolve(Projects.DATABASE);
        ProjectLock lock = readOnly ? null : ProjectLock.acquire(folder);
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            if (!readOnly) {
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            }
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(10_000);
            config.setReadOnly(readOnly);
            connection = DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
            connection.setAutoCommit(false);
            String mode = pragma(connection, "journal_mode");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new ProjectStoreException(db + " is in journal mode '" + mode + "', expected wal");
            }
            SqliteDialect dialect = new SqliteDialect();
            if (readOnly) {
                int version = SchemaMigrations.currentVersion(connection, db);
                if (version < SchemaMigrations.LATEST) {
                    throw new ProjectStoreException(db + " has schema version " + version + " and needs migrating to "
                            + SchemaMigrations.LATEST + "; open it for writing once first");
                }
            } else {
                if (!creating && SchemaMigrations.currentVersion(connection, db) == 0) {
                    throw new ProjectStoreException(db + " has no Attest schema (no schema_version table)");
                }
                SchemaMigrations.migrate(connection, dialect, db);
            }
            return new SqliteProjectStore(folder, readOnly, lock, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (lock != null) {
                lock.close();
            }
            if (e instanceof ProjectStoreException pse) {
                throw pse;
            }
            throw new ProjectStoreException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    // ---- transactions -------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private synchronized <T> T write(String what, SqlWork<T> work) {
        if (readOnly) {
            throw new ProjectStoreException("cannot " + what + ": " + dbFile + " is open read-only");
        }
        return transaction(what, work);
    }

    private synchronized <T> T read(String what, SqlWork<T> work) {
        // Reads also end their transaction so the next read sees what other connections committed since.
        return transaction(what, work);
    }

    private <T> T transaction(String what, SqlWork<T> work) {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ProjectStoreException("cannot " + what + " in " + dbFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable; the caller gets the original error
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private void audit(PreparedStatement ps, Long reviewerId, Instant at, String action, String entity, long entityId,
            Map<String, Object> details) throws SQLException {
        ps.setString(1, at.toString());
        setLong(ps, 2, reviewerId);
        ps.setString(3, action);
        ps.setString(4, entity);
        ps.setLong(5, entityId);
        ps.setString(6, json(details));
        ps.executeUpdate();
    }

    private PreparedStatement auditStatement() throws SQLException {
        return connection.prepareStatement(
                "INSERT INTO audit_log (at, reviewer_id, action, entity, entity_id, details_json) VALUES (?, ?, ?, ?, ?, ?)");
    }

    private void audit1(Long reviewerId, Instant at, String action, String entity, long entityId,
            Map<String, Object> details) throws SQLException {
        try (PreparedStatement ps = auditStatement()) {
            audit(ps, reviewerId, at, action, entity, entityId, details);
        }
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details not serialisable: " + details, e);
        }
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static long insertReturningId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- reviewers, cases, assignments --------------------------------------------------------------------

    @Override
    public Reviewer addReviewer(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reviewer needs a name");
        }
        return write("add reviewer " + name, () -> {
            Instant at = now();
            long id;
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO reviewers (name, created_at) VALUES (?, ?) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, at.toString());
                id = insertReturningId(ps);
            }
            audit1(null, at, "add", "reviewer", id, details("name", name));
            return new Reviewer(id, name, at);
        });
    }

    @Override
    public List<Reviewer> reviewers() {
        return read("list reviewers", () -> query("SELECT id, name, created_at FROM reviewers ORDER BY id",
                rs -> new Reviewer(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)))));
    }

    @Override
    public List<ReviewCase> importCases(List<CaseDraft> drafts) {
        return write("import " + drafts.size() + " cases", () -> {
            Instant at = now();
            List<ReviewCase> out = new ArrayList<>(drafts.size());
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO cases (study_ref, site, scanner,"
                    + " modality, created_at, image_ref) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
                    PreparedStatement auditPs = auditStatement()) {
                for (CaseDraft d : drafts) {
                    ps.setString(1, d.studyRef());
                    ps.setString(2, d.site());
                    ps.setString(3, d.scanner());
                    ps.setString(4, d.modality());
                    ps.setString(5, at.toString());
                    ps.setString(6, d.imageRef());
                    long id = insertReturningId(ps);
                    audit(auditPs, null, at, "import", "case", id, details("study_ref", d.studyRef(), "site", d.site()));
                    out.add(new ReviewCase(id, d.studyRef(), d.site(), d.scanner(), d.modality(), at, d.imageRef()));
                }
            }
            return out;
        });
    }

    @Override
    public List<ReviewCase> cases() {
        return read("list cases", () -> query("SELECT " + CASE_COLUMNS + " FROM cases k ORDER BY k.id",
                rs -> readCase(rs, 1)));
    }

    @Override
    public void assign(long caseId, long reviewerId) {
        write("assign case " + caseId + " to reviewer " + reviewerId, () -> {
            Instant at = now();
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO case_assignments (case_id, reviewer_id, assigned_at) VALUES (?, ?, ?)")) {
                ps.setLong(1, caseId);
                ps.setLong(2, reviewerId);
                ps.setString(3, at.toString());
                ps.executeUpdate();
            }
            audit1(null, at, "assign", "case", caseId, details("reviewer_id", reviewerId));
            return null;
        });
    }

    // ---- model runs, claims, evidence ---------------------------------------------------------------------

    @Override
    public ModelRun recordModelRun(ModelRunDraft run) {
        return recordModelRuns(List.of(run)).get(0);
    }

    @Override
    public List<ModelRun> recordModelRuns(List<ModelRunDraft> drafts) {
        return write("record " + drafts.size() + " model runs", () -> {
            Instant at = now();
            List<ModelRun> out = new ArrayList<>(drafts.size());
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO model_runs (case_id, model_id,"
                    + " model_version, weights_sha256, parameters_json, engine, device, started_at, ended_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
                    PreparedStatement auditPs = auditStatement()) {
                for (ModelRunDraft d : drafts) {
                    ps.setLong(1, d.caseId());
                    ps.setString(2, d.modelId());
                    ps.setString(3, d.modelVersion());
                    ps.setString(4, d.weightsSha256());
                    ps.setString(5, d.parametersJson());
                    ps.setString(6, d.engine());
                    ps.setString(7, d.device());
                    ps.setString(8, d.started().toString());
                    ps.setString(9, d.ended() == null ? null : d.ended().toString());
                    long id = insertReturningId(ps);
                    audit(auditPs, null, at, "record", "model_run", id, details("case_id", d.caseId(), "model_id",
                            d.modelId(), "model_version", d.modelVersion()));
                    out.add(new ModelRun(id, d.caseId(), d.modelId(), d.modelVersion(), d.weightsSha256(),
                            d.parametersJson(), d.engine(), d.device(), d.started(), d.ended()));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<ModelRun> modelRun(long runId) {
        return read("read model run " + runId, () -> query("SELECT " + RUN_COLUMNS + " FROM model_runs WHERE id = "
                + runId, SqliteProjectStore::readRun).stream().findFirst());
    }

    @Override
    public List<ModelRun> modelRuns() {
        return read("list model runs", () -> query("SELECT " + RUN_COLUMNS + " FROM model_runs ORDER BY id",
                SqliteProjectStore::readRun));
    }

    private static ModelRun readRun(ResultSet rs) throws SQLException {
        return new ModelRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), Instant.parse(rs.getString(9)),
                instant(rs.getString(10)));
    }

    @Override
    public List<Claim> addClaims(List<ClaimDraft> drafts) {
        return write("add " + drafts.size() + " claims", () -> {
            Instant at = now();
            List<Claim> out = new ArrayList<>(drafts.size());
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO claims (case_id, run_id, kind, text,"
                    + " label_value, numeric_value, unit, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
                    PreparedStatement auditPs = auditStatement()) {
                for (ClaimDraft d : drafts) {
                    ps.setLong(1, d.caseId());
                    setLong(ps, 2, d.runId());
                    ps.setString(3, d.kind().code());
                    ps.setString(4, d.text());
                    if (d.labelValue() == null) {
                        ps.setNull(5, Types.INTEGER);
                    } else {
                        ps.setInt(5, d.labelValue());
                    }
                    if (d.numericValue() == null) {
                        ps.setNull(6, Types.DOUBLE);
                    } else {
                        ps.setDouble(6, d.numericValue());
                    }
                    ps.setString(7, d.unit());
                    ps.setString(8, at.toString());
                    long id = insertReturningId(ps);
                    audit(auditPs, null, at, "add", "claim", id, details("case_id", d.caseId(), "run_id", d.runId(),
                            "kind", d.kind().code()));
                    out.add(new Claim(id, d.caseId(), d.runId(), d.kind(), d.text(), d.labelValue(), d.numericValue(),
                            d.unit(), at));
                }
            }
            return out;
        });
    }

    @Override
    public List<Claim> claims(long caseId) {
        return read("list claims of case " + caseId, () -> query("SELECT " + CLAIM_COLUMNS
                + " FROM claims c WHERE c.case_id = " + caseId + " ORDER BY c.id", rs -> readClaim(rs, 1)));
    }

    @Override
    public List<Claim> claims() {
        return read("list claims", () -> query("SELECT " + CLAIM_COLUMNS + " FROM claims c ORDER BY c.id",
                rs -> readClaim(rs, 1)));
    }

    @Override
    public List<Evidence> addEvidence(List<EvidenceDraft> drafts) {
        return write("add " + drafts.size() + " evidence", () -> {
            Instant at = now();
            List<Evidence> out = new ArrayList<>(drafts.size());
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO evidence (claim_id, kind,"
                    + " artifact_path, artifact_sha256, geometry_json, method_json, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
                    PreparedStatement auditPs = auditStatement()) {
                for (EvidenceDraft d : drafts) {
                    ps.setLong(1, d.claimId());
                    ps.setString(2, d.kind().code());
                    ps.setString(3, d.artifact() == null ? null : d.artifact().relativePath());
                    ps.setString(4, d.artifact() == null ? null : d.artifact().sha256());
                    ps.setString(5, d.geometryJson());
                    ps.setString(6, d.methodJson());
                    ps.setString(7, at.toString());
                    long id = insertReturningId(ps);
                    audit(auditPs, null, at, "add", "evidence", id, details("claim_id", d.claimId(), "kind",
                            d.kind().code()));
                    out.add(new Evidence(id, d.claimId(), d.kind(), d.artifact(), d.geometryJson(), d.methodJson(), at));
                }
            }
            return out;
        });
    }

    @Override
    public List<Evidence> evidence(long claimId) {
        return read("list evidence of claim " + claimId, () -> query("SELECT id, claim_id, kind, artifact_path,"
                + " artifact_sha256, geometry_json, method_json, created_at FROM evidence WHERE claim_id = " + claimId
                + " ORDER BY id", rs -> new Evidence(rs.getLong(1), rs.getLong(2), EvidenceKind.fromCode(rs.getString(3)),
                        artifact(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getString(7),
                        Instant.parse(rs.getString(8)))));
    }

    @Override
    public List<Long> claimsWithEvidence() {
        return read("list claims with evidence", () -> query("SELECT DISTINCT claim_id FROM evidence ORDER BY claim_id",
                rs -> rs.getLong(1)));
    }

    // ---- scores -------------------------------------------------------------------------------------------

    @Override
    public Score saveScore(ScoreDraft draft) {
        return saveScores(List.of(draft)).get(0);
    }

    @Override
    public List<Score> saveScores(List<ScoreDraft> drafts) {
        return write("save " + drafts.size() + " scores", () -> {
            Instant at = now();
            List<Score> out = new ArrayList<>(drafts.size());
            try (PreparedStatement findCurrent = connection.prepareStatement(
                    "SELECT id, version FROM scores WHERE claim_id = ? AND reviewer_id = ? AND is_current = 1");
                    PreparedStatement lastVersion = connection.prepareStatement(
                            "SELECT COALESCE(MAX(version), 0) FROM scores WHERE claim_id = ? AND reviewer_id = ?");
                    PreparedStatement retire = connection.prepareStatement(
                            "UPDATE scores SET is_current = 0 WHERE id = ?");
                    PreparedStatement link = connection.prepareStatement(
                            "UPDATE scores SET superseded_by = ? WHERE id = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO scores (claim_id, reviewer_id,"
                            + " version, verdict, evidence_support, localisation, error_type, significance, note,"
                            + " created_at, superseded_by, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)"
                            + " RETURNING id");
                    PreparedStatement auditPs = auditStatement()) {
                for (ScoreDraft d : drafts) {
                    long previous = -1;
                    int version = 1;
                    findCurrent.setLong(1, d.claimId());
                    findCurrent.setLong(2, d.reviewerId());
                    try (ResultSet rs = findCurrent.executeQuery()) {
                        if (rs.next()) {
                            previous = rs.getLong(1);
                        }
                    }
                    // Numbered after every earlier version, a withdrawn one included, so versions never repeat.
                    lastVersion.setLong(1, d.claimId());
                    lastVersion.setLong(2, d.reviewerId());
                    try (ResultSet rs = lastVersion.executeQuery()) {
                        rs.next();
                        version = rs.getInt(1) + 1;
                    }
                    if (previous >= 0) {
                        // Retire first: the partial unique index allows one current score per reviewer and claim.
                        retire.setLong(1, previous);
                        retire.executeUpdate();
                    }
                    insert.setLong(1, d.claimId());
                    insert.setLong(2, d.reviewerId());
                    insert.setInt(3, version);
                    insert.setString(4, d.verdict().code());
                    insert.setString(5, d.support().code());
                    insert.setString(6, d.localisation() == null ? null : d.localisation().code());
                    insert.setString(7, d.errorType() == null ? null : d.errorType().code());
                    insert.setString(8, d.significance() == null ? null : d.significance().code());
                    insert.setString(9, d.note());
                    insert.setString(10, at.toString());
                    long id = insertReturningId(insert);
                    if (previous >= 0) {
                        link.setLong(1, id);
                        link.setLong(2, previous);
                        link.executeUpdate();
                    }
                    audit(auditPs, d.reviewerId(), at, "score", "claim", d.claimId(), details("score_id", id,
                            "version", version, "supersedes", previous >= 0 ? previous : null, "verdict",
                            d.verdict().code()));
                    out.add(new Score(id, d.claimId(), d.reviewerId(), version, d.verdict(), d.support(),
                            d.localisation(), d.errorType(), d.significance(), d.note(), at, null, true));
                }
            }
            return out;
        });
    }

    @Override
    public Score withdrawScore(long claimId, long reviewerId) {
        return write("withdraw the score of reviewer " + reviewerId + " on claim " + claimId, () -> {
            Instant at = now();
            List<Score> current = query("SELECT " + SCORE_COLUMNS + " FROM scores WHERE claim_id = " + claimId
                    + " AND reviewer_id = " + reviewerId + " AND is_current = 1", SqliteProjectStore::readScore);
            if (current.isEmpty()) {
                throw new IllegalArgumentException("reviewer " + reviewerId + " has no current score on claim " + claimId
                        + " to withdraw");
            }
            Score s = current.get(0);
            // The row stays (history is never lost); not current and superseded by nothing means withdrawn.
            try (PreparedStatement ps = connection.prepareStatement("UPDATE scores SET is_current = 0 WHERE id = ?")) {
                ps.setLong(1, s.id());
                ps.executeUpdate();
            }
            audit1(reviewerId, at, "withdraw", "claim", claimId, details("score_id", s.id(), "version", s.version()));
            return new Score(s.id(), s.claimId(), s.reviewerId(), s.version(), s.verdict(), s.support(), s.localisation(),
                    s.errorType(), s.significance(), s.note(), s.created(), null, false);
        });
    }

    @Override
    public Optional<Score> score(long scoreId) {
        return read("read score " + scoreId, () -> query("SELECT " + SCORE_COLUMNS + " FROM scores WHERE id = "
                + scoreId, SqliteProjectStore::readScore).stream().findFirst());
    }

    @Override
    public List<Score> currentScores(long claimId) {
        return read("read current scores of claim " + claimId, () -> query("SELECT " + SCORE_COLUMNS
                + " FROM scores WHERE claim_id = " + claimId + " AND is_current = 1 ORDER BY reviewer_id",
                SqliteProjectStore::readScore));
    }

    @Override
    public List<Score> scoreHistory(long claimId) {
        return read("read score history of claim " + claimId, () -> query("SELECT " + SCORE_COLUMNS
                + " FROM scores WHERE claim_id = " + claimId + " ORDER BY id", SqliteProjectStore::readScore));
    }

    @Override
    public List<Score> currentScores() {
        return read("read current scores", () -> query("SELECT " + SCORE_COLUMNS
                + " FROM scores WHERE is_current = 1 ORDER BY claim_id, reviewer_id", SqliteProjectStore::readScore));
    }

    private static Score readScore(ResultSet rs) throws SQLException {
        String loc = rs.getString(7);
        String err = rs.getString(8);
        String sig = rs.getString(9);
        return new Score(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), Verdict.fromCode(rs.getString(5)),
                EvidenceSupport.fromCode(rs.getString(6)), loc == null ? null : Localisation.fromCode(loc),
                err == null ? null : ErrorType.fromCode(err), sig == null ? null : Significance.fromCode(sig),
                rs.getString(10), Instant.parse(rs.getString(11)), getLong(rs, 12), rs.getInt(13) == 1);
    }

    // ---- corrections, missed findings, acceptability ------------------------------------------------------

    @Override
    public CorrectedAnnotation addCorrection(CorrectionDraft d) {
        return write("add correction to case " + d.caseId(), () -> {
            Instant at = now();
            long id;
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO corrected_annotations (case_id,"
                    + " claim_id, kind, artifact_path, artifact_sha256, geometry_json, derived_from_evidence_id,"
                    + " editor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, d.caseId());
                setLong(ps, 2, d.claimId());
                ps.setString(3, d.kind().code());
                ps.setString(4, d.artifact() == null ? null : d.artifact().relativePath());
                ps.setString(5, d.artifact() == null ? null : d.artifact().sha256());
                ps.setString(6, d.geometryJson());
                setLong(ps, 7, d.derivedFromEvidenceId());
                ps.setLong(8, d.editorId());
                ps.setString(9, at.toString());
                id = insertReturningId(ps);
            }
            audit1(d.editorId(), at, "correct", "corrected_annotation", id, details("case_id", d.caseId(),
                    "claim_id", d.claimId(), "kind", d.kind().code()));
            return new CorrectedAnnotation(id, d.caseId(), d.claimId(), d.kind(), d.artifact(), d.geometryJson(),
                    d.derivedFromEvidenceId(), d.editorId(), at);
        });
    }

    @Override
    public List<CorrectedAnnotation> corrections(long caseId) {
        return read("list corrections of case " + caseId, () -> query("SELECT id, case_id, claim_id, kind,"
                + " artifact_path, artifact_sha256, geometry_json, derived_from_evidence_id, editor_id, created_at"
                + " FROM corrected_annotations WHERE case_id = " + caseId + " ORDER BY id",
                rs -> new CorrectedAnnotation(rs.getLong(1), rs.getLong(2), getLong(rs, 3),
                        AnnotationKind.fromCode(rs.getString(4)), artifact(rs.getString(5), rs.getString(6)),
                        rs.getString(7), getLong(rs, 8), rs.getLong(9), Instant.parse(rs.getString(10)))));
    }

    @Override
    public MissedFinding addMissedFinding(long caseId, long reviewerId, String text, String geometryJson) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a missed finding needs a description");
        }
        return write("add missed finding to case " + caseId, () -> {
            Instant at = now();
            long id;
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO missed_findings (case_id, reviewer_id,"
                    + " text, geometry_json, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, caseId);
                ps.setLong(2, reviewerId);
                ps.setString(3, text);
                ps.setString(4, geometryJson);
                ps.setString(5, at.toString());
                id = insertReturningId(ps);
            }
            audit1(reviewerId, at, "add", "missed_finding", id, details("case_id", caseId, "text", text));
            return new MissedFinding(id, caseId, reviewerId, text, geometryJson, at);
        });
    }

    @Override
    public List<MissedFinding> missedFindings(long caseId) {
        return read("list missed findings of case " + caseId, () -> query("SELECT id, case_id, reviewer_id, text,"
                + " geometry_json, created_at FROM missed_findings WHERE case_id = " + caseId + " ORDER BY id",
                rs -> new MissedFinding(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        Instant.parse(rs.getString(6)))));
    }

    @Override
    public List<MissedFinding> missedFindings() {
        return read("list missed findings", () -> query("SELECT id, case_id, reviewer_id, text, geometry_json,"
                + " created_at FROM missed_findings ORDER BY id", rs -> new MissedFinding(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), Instant.parse(rs.getString(6)))));
    }

    @Override
    public ReportAcceptability setAcceptability(long caseId, long reviewerId, Acceptability acceptability, String note) {
        return write("set acceptability of case " + caseId, () -> {
            Instant at = now();
            // The table holds the current judgement only; the audit log keeps every earlier one.
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO report_acceptability (case_id,"
                    + " reviewer_id, acceptability, note, created_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (case_id, reviewer_id) DO UPDATE SET acceptability = excluded.acceptability,"
                    + " note = excluded.note, created_at = excluded.created_at")) {
                ps.setLong(1, caseId);
                ps.setLong(2, reviewerId);
                ps.setString(3, acceptability.code());
                ps.setString(4, note);
                ps.setString(5, at.toString());
                ps.executeUpdate();
            }
            audit1(reviewerId, at, "accept", "case", caseId, details("acceptability", acceptability.code(), "note", note));
            return new ReportAcceptability(caseId, reviewerId, acceptability, note, at);
        });
    }

    @Override
    public List<ReportAcceptability> acceptability(long caseId) {
        return read("read acceptability of case " + caseId, () -> query("SELECT case_id, reviewer_id, acceptability,"
                + " note, created_at FROM report_acceptability WHERE case_id = " + caseId + " ORDER BY reviewer_id",
                rs -> new ReportAcceptability(rs.getLong(1), rs.getLong(2), Acceptability.fromCode(rs.getString(3)),
                        rs.getString(4), Instant.parse(rs.getString(5)))));
    }

    @Override
    public ReviewCase setImageRef(long caseId, String imageRef) {
        return write("set the image of case " + caseId, () -> {
            Instant at = now();
            try (PreparedStatement ps = connection.prepareStatement("UPDATE cases SET image_ref = ? WHERE id = ?")) {
                ps.setString(1, imageRef);
                ps.setLong(2, caseId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no case " + caseId + " in " + dbFile);
                }
            }
            audit1(null, at, "set_image", "case", caseId, details("image_ref", imageRef));
            return query("SELECT " + CASE_COLUMNS + " FROM cases k WHERE k.id = " + caseId, rs -> readCase(rs, 1)).get(0);
        });
    }

    @Override
    public List<ClaimCheck> addChecks(List<ClaimCheckDraft> drafts) {
        return write("store " + drafts.size() + " claim checks", () -> {
            Instant at = now();
            List<ClaimCheck> out = new ArrayList<>(drafts.size());
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO claim_checks (claim_id, check_kind,"
                    + " outcome, value, detail, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                for (ClaimCheckDraft d : drafts) {
                    ps.setLong(1, d.claimId());
                    ps.setString(2, d.kind());
                    ps.setString(3, d.outcome().code());
                    if (d.value() == null || !Double.isFinite(d.value())) {
                        ps.setNull(4, java.sql.Types.DOUBLE);
                    } else {
                        ps.setDouble(4, d.value());
                    }
                    ps.setString(5, d.detail());
                    ps.setString(6, at.toString());
                    long id = insertReturningId(ps);
                    Double value = d.value() == null || !Double.isFinite(d.value()) ? null : d.value();
                    out.add(new ClaimCheck(id, d.claimId(), d.kind(), d.outcome(), value, d.detail(), at));
                }
            }
            return out;
        });
    }

    @Override
    public List<ClaimCheck> checks(long claimId) {
        // The newest row per kind: re-running the checks after an edit supersedes the earlier results.
        return read("read checks of claim " + claimId, () -> query("SELECT id, claim_id, check_kind, outcome, value,"
                + " detail, created_at FROM claim_checks x WHERE claim_id = " + claimId + " AND id = (SELECT MAX(id)"
                + " FROM claim_checks y WHERE y.claim_id = x.claim_id AND y.check_kind = x.check_kind) ORDER BY id",
                rs -> {
                    double v = rs.getDouble(5);
                    Double value = rs.wasNull() ? null : v;
                    return new ClaimCheck(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            CheckOutcome.fromCode(rs.getString(4)), value, rs.getString(6), Instant.parse(rs.getString(7)));
                }));
    }

    @Override
    public ClaimRevision reviseClaim(long claimId, long editorId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a claim's text cannot be empty");
        }
        return write("revise claim " + claimId, () -> {
            Instant at = now();
            int version = query("SELECT COALESCE(MAX(version), 1) + 1 FROM claim_revisions WHERE claim_id = " + claimId,
                    rs -> rs.getInt(1)).get(0);
            long id;
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO claim_revisions (claim_id, version,"
                    + " text, editor_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, claimId);
                ps.setInt(2, version);
                ps.setString(3, text.strip());
                ps.setLong(4, editorId);
                ps.setString(5, at.toString());
                id = insertReturningId(ps);
            }
            audit1(editorId, at, "revise", "claim", claimId, details("version", version, "text", text.strip()));
            return new ClaimRevision(id, claimId, version, text.strip(), editorId, at);
        });
    }

    @Override
    public List<ClaimRevision> revisions(long claimId) {
        return read("read revisions of claim " + claimId, () -> query("SELECT id, claim_id, version, text, editor_id,"
                + " created_at FROM claim_revisions WHERE claim_id = " + claimId + " ORDER BY version",
                rs -> new ClaimRevision(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                        Instant.parse(rs.getString(6)))));
    }

    // ---- worklist and progress ----------------------------------------------------------------------------

    @Override
    public WorklistPage worklist(WorklistQuery q) {
        return read("build worklist", () -> {
            StringBuilder where = new StringBuilder(" FROM claims c JOIN cases k ON k.id = c.case_id"
                    + " LEFT JOIN model_runs r ON r.id = c.run_id WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (q.site() != null) {
                where.append(" AND k.site = ?");
                args.add(q.site());
            }
            if (q.modelId() != null) {
                where.append(" AND r.model_id = ?");
                args.add(q.modelId());
            }
            if (q.unscoredByMe()) {
                where.append(" AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.claim_id = c.id AND s.reviewer_id = ?"
                        + " AND s.is_current = 1)");
                args.add(q.reviewerId());
            }
            if (q.assignedToMe()) {
                where.append(" AND EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = c.case_id"
                        + " AND a.reviewer_id = ?)");
                args.add(q.reviewerId());
            }
            if (q.disagreements()) {
                where.append(" AND EXISTS (SELECT 1 FROM scores s1 JOIN scores s2 ON s2.claim_id = s1.claim_id"
                        + " AND s2.is_current = 1 AND s2.verdict <> s1.verdict"
                        + " WHERE s1.claim_id = c.id AND s1.is_current = 1)");
            }
            String select = "SELECT " + CLAIM_COLUMNS + ", " + CASE_COLUMNS + ", r.model_id, r.model_version";
            List<WorklistRow> rows;
            long total;
            if (q.randomSeed() == null) {
                total = query("SELECT COUNT(*)" + where, args, rs -> rs.getLong(1)).get(0);
                List<Object> pageArgs = new ArrayList<>(args);
                pageArgs.add(q.limit());
                pageArgs.add(q.offset());
                rows = query(select + where + " ORDER BY c.case_id, c.id LIMIT ? OFFSET ?", pageArgs,
                        SqliteProjectStore::readRow);
            } else {
                // A seeded shuffle of the matching ids in Java: the same seed gives the same order on any database.
                List<Long> ids = query("SELECT c.id" + where + " ORDER BY c.case_id, c.id", args, rs -> rs.getLong(1));
                total = ids.size();
                Collections.shuffle(ids, new Random(q.randomSeed()));
                List<Long> page = ids.subList(Math.min(q.offset(), ids.size()),
                        Math.min(q.offset() + q.limit(), ids.size()));
                Map<Long, WorklistRow> byId = new HashMap<>();
                if (!page.isEmpty()) {
                    for (WorklistRow row : query(select + " FROM claims c JOIN cases k ON k.id = c.case_id"
                            + " LEFT JOIN model_runs r ON r.id = c.run_id WHERE c.id IN (" + idList(page) + ")",
                            List.of(), SqliteProjectStore::readRow)) {
                        byId.put(row.claim().id(), row);
                    }
                }
                rows = page.stream().map(byId::get).toList();
            }
            Map<Long, List<Score>> scores = new HashMap<>();
            if (!rows.isEmpty()) {
                for (Score s : query("SELECT " + SCORE_COLUMNS + " FROM scores WHERE is_current = 1 AND claim_id IN ("
                        + idList(rows.stream().map(r -> r.claim().id()).toList()) + ") ORDER BY reviewer_id", List.of(),
                        SqliteProjectStore::readScore)) {
                    scores.computeIfAbsent(s.claimId(), k -> new ArrayList<>()).add(s);
                }
            }
            List<WorklistItem> items = new ArrayList<>(rows.size());
            for (WorklistRow row : rows) {
                Score mine = null;
                List<Score> others = new ArrayList<>();
                for (Score s : scores.getOrDefault(row.claim().id(), List.of())) {
                    if (s.reviewerId() == q.reviewerId()) {
                        mine = s;
                    } else if (!q.blinded()) {
                        others.add(s);
                    }
                }
                Claim c = row.claim();
                if (q.blinded()) {
                    c = new Claim(c.id(), c.caseId(), null, c.kind(), c.text(), c.labelValue(), c.numericValue(),
                            c.unit(), c.created());
                    items.add(new WorklistItem(c, row.reviewCase(), null, null, true, mine, List.of()));
                } else {
                    items.add(new WorklistItem(c, row.reviewCase(), row.modelId(), row.modelVersion(), false, mine,
                            others));
                }
            }
            return new WorklistPage(items, total);
        });
    }

    private record WorklistRow(Claim claim, ReviewCase reviewCase, String modelId, String modelVersion) {
    }

    private static WorklistRow readRow(ResultSet rs) throws SQLException {
        return new WorklistRow(readClaim(rs, 1), readCase(rs, 10), rs.getString(17), rs.getString(18));
    }

    private static String idList(List<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(id.longValue());
        }
        return sb.toString();
    }

    @Override
    public Progress progress(long reviewerId, long caseId) {
        return read("count progress", () -> query("SELECT COUNT(*), COUNT(s.id) FROM claims c LEFT JOIN scores s"
                + " ON s.claim_id = c.id AND s.reviewer_id = ? AND s.is_current = 1 WHERE c.case_id = ?",
                List.of(reviewerId, caseId), rs -> new Progress(rs.getLong(2), rs.getLong(1))).get(0));
    }

    @Override
    public Progress progress(long reviewerId) {
        return read("count progress", () -> {
            long total = query("SELECT COUNT(*) FROM claims", List.of(), rs -> rs.getLong(1)).get(0);
            long scored = query("SELECT COUNT(*) FROM scores WHERE reviewer_id = ? AND is_current = 1",
                    List.of(reviewerId), rs -> rs.getLong(1)).get(0);
            return new Progress(scored, total);
        });
    }

    // ---- audit and artifacts ------------------------------------------------------------------------------

    @Override
    public List<AuditEntry> audit(long afterId, int limit) {
        return read("read audit log", () -> query("SELECT id, reviewer_id, at, action, entity, entity_id, details_json"
                + " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", List.of(afterId, limit),
                rs -> new AuditEntry(rs.getLong(1), getLong(rs, 2), Instant.parse(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7))));
    }

    @Override
    public ArtifactRef importArtifact(Path source, String name) {
        if (readOnly) {
            throw new ProjectStoreException("cannot import " + source + ": " + dbFile + " is open read-only");
        }
        return artifacts.importFile(source, name);
    }

    @Override
    public Path resolveArtifact(ArtifactRef ref) {
        return artifacts.resolve(ref);
    }

    // ---- row helpers --------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowReader<T> reader) throws SQLException {
        return query(sql, List.of(), reader);
    }

    private <T> List<T> query(String sql, List<?> args, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        }
    }

    private static Claim readClaim(ResultSet rs, int at) throws SQLException {
        Object label = rs.getObject(at + 5);
        Object value = rs.getObject(at + 6);
        return new Claim(rs.getLong(at), rs.getLong(at + 1), getLong(rs, at + 2), ClaimKind.fromCode(rs.getString(at + 3)),
                rs.getString(at + 4), label == null ? null : ((Number) label).intValue(),
                value == null ? null : ((Number) value).doubleValue(), rs.getString(at + 7),
                Instant.parse(rs.getString(at + 8)));
    }

    private static ReviewCase readCase(ResultSet rs, int at) throws SQLException {
        return new ReviewCase(rs.getLong(at), rs.getString(at + 1), rs.getString(at + 2), rs.getString(at + 3),
                rs.getString(at + 4), Instant.parse(rs.getString(at + 5)), rs.getString(at + 6));
    }

    private static ArtifactRef artifact(String path, String sha) {
        return path == null ? null : new ArtifactRef(path, sha);
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static Long getLong(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? null : ((Number) o).longValue();
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** The value of a PRAGMA on this store's connection, for checking durability settings. */
    synchronized String pragmaValue(String name) {
        return read("read pragma " + name, () -> pragma(connection, name));
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw new ProjectStoreException("cannot close " + dbFile + ": " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
