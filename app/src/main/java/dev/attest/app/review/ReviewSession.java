package dev.attest.app.review;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.Progress;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.annotation.model.WorklistPage;
import dev.attest.annotation.model.WorklistQuery;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.geometry.Vec3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One reviewer working through a project's worklist, case by case and claim by claim, without any UI:
 * the GUI's claims panel and the tests drive the same calls. Every change to a claim's score is saved at
 * once as a new version (the store keeps every earlier one); undo saves the earlier fields again as a
 * further version, so history only grows. Not thread-safe: call it from one thread (the FX thread).
 */
public final class ReviewSession {
    private static final int PAGE = 500;

    private final ProjectStore store;
    private final Reviewer reviewer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, ScoreFields> fields = new HashMap<>();
    private final Map<Long, Score> mine = new HashMap<>();
    private final Deque<Change> undo = new ArrayDeque<>();
    private WorklistQuery query;
    private List<ReviewCase> cases = List.of();
    private List<List<WorklistItem>> claimsByCase = List.of();
    private int caseIndex;
    private int claimIndex;
    private String status = "";

    /** One change to one claim's fields, and what the store held for it before, for undo. */
    private record Change(long claimId, ScoreFields before, boolean saved, Score previous) {
    }

    private ReviewSession(ProjectStore store, Reviewer reviewer) {
        this.store = store;
        this.reviewer = reviewer;
    }

    /** Starts reviewing as the named reviewer, adding them to the project on first use; the worklist is empty until {@link #load}. */
    public static ReviewSession start(ProjectStore store, String reviewerName) {
        Objects.requireNonNull(store, "store");
        String name = reviewerName.strip();
        Reviewer r = store.reviewers().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseGet(() -> store.addReviewer(name));
        return new ReviewSession(store, r);
    }

    public ProjectStore store() {
        return store;
    }

    public Reviewer reviewer() {
        return reviewer;
    }

    /** Everything in case-then-claim order, unblinded: the starting query. */
    public WorklistQuery allClaims() {
        return WorklistQuery.all(reviewer.id());
    }

    /**
     * Takes a snapshot of the worklist (every page) and goes to its first claim. The snapshot keeps
     * claims that become scored while reviewing, so an "unscored" list does not shift under the reader.
     * Cases come in the order their first claim appears (so a seeded shuffle shuffles cases too).
     */
    public void load(WorklistQuery q) {
        if (q.reviewerId() != reviewer.id()) {
            throw new IllegalArgumentException("worklist query is for reviewer " + q.reviewerId() + ", session is for "
                    + reviewer.id() + " (" + reviewer.name() + ")");
        }
        List<WorklistItem> items = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            WorklistPage page = store.worklist(q.page(offset, PAGE));
            items.addAll(page.items());
            if (page.items().size() < PAGE || items.size() >= page.total()) {
                break;
            }
        }
        Map<Long, ReviewCase> caseById = new LinkedHashMap<>();
        Map<Long, List<WorklistItem>> byCase = new LinkedHashMap<>();
        fields.clear();
        mine.clear();
        undo.clear();
        for (WorklistItem item : items) {
            caseById.putIfAbsent(item.reviewCase().id(), item.reviewCase());
            byCase.computeIfAbsent(item.reviewCase().id(), k -> new ArrayList<>()).add(item);
            if (item.myScore() != null) {
                mine.put(item.claim().id(), item.myScore());
                fields.put(item.claim().id(), ScoreFields.of(item.myScore()));
            }
        }
        query = q;
        cases = List.copyOf(caseById.values());
        claimsByCase = byCase.values().stream().map(List::copyOf).toList();
        caseIndex = 0;
        claimIndex = 0;
        status = items.size() + " claims in " + cases.size() + " cases";
        changed();
    }

    public WorklistQuery query() {
        return query;
    }

    public boolean blinded() {
        return query != null && query.blinded();
    }

    public List<ReviewCase> cases() {
        return cases;
    }

    public int caseIndex() {
        return caseIndex;
    }

    public Optional<ReviewCase> currentCase() {
        return cases.isEmpty() ? Optional.empty() : Optional.of(cases.get(caseIndex));
    }

    /** The claims of the current case on the worklist, in worklist order. */
    public List<WorklistItem> claims() {
        return cases.isEmpty() ? List.of() : claimsByCase.get(caseIndex);
    }

    public int claimIndex() {
        return claimIndex;
    }

    public Optional<WorklistItem> currentClaim() {
        List<WorklistItem> c = claims();
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(claimIndex));
    }

    /** The fields of the current claim (saved or pending); empty when there is no claim. */
    public ScoreFields fields() {
        return currentClaim().map(i -> fields(i.claim().id())).orElse(ScoreFields.EMPTY);
    }

    public ScoreFields fields(long claimId) {
        return fields.getOrDefault(claimId, ScoreFields.EMPTY);
    }

    /** This reviewer's current stored score of the claim, if any. */
    public Optional<Score> myScore(long claimId) {
        return Optional.ofNullable(mine.get(claimId));
    }

    public boolean scoredByMe(long claimId) {
        return mine.containsKey(claimId);
    }

    /** What the last call did, in words for a status line. */
    public String status() {
        return status;
    }

    /** Told after every change of position, fields or worklist. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public Optional<Score> setVerdict(Verdict v) {
        return change(f -> f.withVerdict(v));
    }

    public Optional<Score> setSupport(EvidenceSupport s) {
        return change(f -> f.withSupport(s));
    }

    public Optional<Score> setLocalisation(Localisation l) {
        return change(f -> f.withLocalisation(l));
    }

    /** Refused (status says why, nothing saved) while the verdict is "correct". */
    public Optional<Score> setErrorType(ErrorType e) {
        if (e != null && fields().verdict() == Verdict.CORRECT) {
            status = "a claim marked correct has no error type: change the verdict first";
            changed();
            return Optional.empty();
        }
        return change(f -> f.withErrorType(e));
    }

    public Optional<Score> setSignificance(Significance s) {
        return change(f -> f.withSignificance(s));
    }

    public Optional<Score> setNote(String note) {
        return change(f -> f.withNote(note));
    }

    /**
     * Applies one change to the current claim and saves the result as a new version when it can be saved
     * (verdict and support set); returns the stored score, empty when nothing was saved.
     */
    private Optional<Score> change(UnaryOperator<ScoreFields> edit) {
        Optional<WorklistItem> item = currentClaim();
        if (item.isEmpty()) {
            status = "no claim to score";
            changed();
            return Optional.empty();
        }
        long claimId = item.get().claim().id();
        ScoreFields before = fields(claimId);
        ScoreFields after = edit.apply(before);
        if (after.equals(before)) {
            return Optional.empty();
        }
        fields.put(claimId, after);
        Optional<Score> saved = Optional.empty();
        Score previous = mine.get(claimId);
        if (after.saveable()) {
            Score s = store.saveScore(after.toDraft(claimId, reviewer.id()));
            mine.put(claimId, s);
            saved = Optional.of(s);
            status = "saved version " + s.version();
        } else {
            status = "not saved yet: a score needs a verdict and an evidence support";
        }
        undo.push(new Change(claimId, before, saved.isPresent(), previous));
        changed();
        return saved;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /**
     * Undoes the last change in this session: goes to its claim and saves the fields it replaced as a new
     * version (or only restores them when the change had not been saved); undoing the change that made a
     * claim's first score withdraws it, so the claim is unscored again. Returns the score saved by the undo,
     * if any; {@link #status()} says what happened.
     */
    public Optional<Score> undo() {
        Change c = undo.peek();
        if (c == null) {
            status = "nothing to undo";
            changed();
            return Optional.empty();
        }
        goToClaim(c.claimId());
        undo.pop();
        fields.put(c.claimId(), c.before());
        Optional<Score> saved = Optional.empty();
        if (c.saved() && c.previous() == null) {
            // The change made the first score: taking it back leaves the claim unscored (the row stays, withdrawn).
            store.withdrawScore(c.claimId(), reviewer.id());
            mine.remove(c.claimId());
            status = "undone: the claim is unscored again (the withdrawn score stays in the history)";
        } else if (c.saved()) {
            Score s = store.saveScore(c.before().toDraft(c.claimId(), reviewer.id()));
            mine.put(c.claimId(), s);
            saved = Optional.of(s);
            status = "undone: restored version " + c.previous().version() + " as version " + s.version();
        } else {
            status = "undone (not saved yet)";
        }
        changed();
        return saved;
    }

    private void goToClaim(long claimId) {
        for (int k = 0; k < claimsByCase.size(); k++) {
            List<WorklistItem> list = claimsByCase.get(k);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).claim().id() == claimId) {
                    caseIndex = k;
                    claimIndex = i;
                    return;
                }
            }
        }
    }

    /** Next claim of the case, or the first claim of the next case; false at the end of the worklist. */
    public boolean nextClaim() {
        if (cases.isEmpty()) {
            return false;
        }
        if (claimIndex + 1 < claims().size()) {
            claimIndex++;
        } else if (caseIndex + 1 < cases.size()) {
            caseIndex++;
            claimIndex = 0;
        } else {
            return false;
        }
        changed();
        return true;
    }

    /** Previous claim, or the last claim of the previous case; false at the start. */
    public boolean previousClaim() {
        if (cases.isEmpty()) {
            return false;
        }
        if (claimIndex > 0) {
            claimIndex--;
        } else if (caseIndex > 0) {
            caseIndex--;
            claimIndex = claims().size() - 1;
        } else {
            return false;
        }
        changed();
        return true;
    }

    public boolean nextCase() {
        return selectCase(caseIndex + 1);
    }

    public boolean previousCase() {
        return selectCase(caseIndex - 1);
    }

    /** Goes to the first claim of the case at this index; false (and no move) when out of range. */
    public boolean selectCase(int index) {
        if (index < 0 || index >= cases.size()) {
            return false;
        }
        caseIndex = index;
        claimIndex = 0;
        changed();
        return true;
    }

    /** Goes to the claim at this index of the current case; false (and no move) when out of range. */
    public boolean selectClaim(int index) {
        if (index < 0 || index >= claims().size()) {
            return false;
        }
        if (index != claimIndex) {
            claimIndex = index;
            changed();
        }
        return true;
    }

    /** Claims on the worklist this reviewer has a current score for, out of the worklist's claims. */
    public Progress progress() {
        long total = 0;
        long scored = 0;
        for (List<WorklistItem> list : claimsByCase) {
            for (WorklistItem i : list) {
                total++;
                if (mine.containsKey(i.claim().id())) {
                    scored++;
                }
            }
        }
        return new Progress(scored, total);
    }

    /** The current case's progress as the store counts it (every claim of the case, not only the worklist's). */
    public Progress caseProgress() {
        return currentCase().map(c -> store.progress(reviewer.id(), c.id())).orElse(new Progress(0, 0));
    }

    /** The automatic consistency checks of the current claim (newest per kind), empty when there is none. */
    public List<ClaimCheck> checks() {
        return currentClaim().map(i -> store.checks(i.claim().id())).orElse(List.of());
    }

    // ---- per report: acceptability and missed findings of the current case ------------------------------

    /** This reviewer's overall judgement of the current case's report, if given. */
    public Optional<ReportAcceptability> acceptability() {
        return currentCase().flatMap(c -> store.acceptability(c.id()).stream()
                .filter(a -> a.reviewerId() == reviewer.id()).findFirst());
    }

    /** Saves this reviewer's overall judgement of the current case's report at once (a new one replaces it). */
    public Optional<ReportAcceptability> setAcceptability(Acceptability a) {
        Optional<ReviewCase> c = currentCase();
        if (c.isEmpty()) {
            status = "no case to judge";
            changed();
            return Optional.empty();
        }
        ReportAcceptability saved = store.setAcceptability(c.get().id(), reviewer.id(), a, null);
        status = "report judged " + a.code().replace('_', ' ');
        changed();
        return Optional.of(saved);
    }

    /**
     * The findings the model missed in the current case: this reviewer's only when blinded (another reader's
     * list would give their reading away), everyone's otherwise.
     */
    public List<MissedFinding> missedFindings() {
        return currentCase().map(c -> store.missedFindings(c.id()).stream()
                .filter(m -> !blinded() || m.reviewerId() == reviewer.id()).toList()).orElse(List.of());
    }

    /**
     * Records a finding the model missed in the current case, located at a point in LPS millimetres when the
     * reviewer gave one (null: no location).
     */
    public Optional<MissedFinding> addMissedFinding(String text, Vec3 pointLps) {
        Optional<ReviewCase> c = currentCase();
        if (c.isEmpty() || text == null || text.isBlank()) {
            status = c.isEmpty() ? "no case to add a missed finding to" : "a missed finding needs a description";
            changed();
            return Optional.empty();
        }
        String geometry = pointLps == null ? null : GeometryJson.point(pointLps);
        MissedFinding m = store.addMissedFinding(c.get().id(), reviewer.id(), text.strip(), geometry);
        status = "missed finding recorded";
        changed();
        return Optional.of(m);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
