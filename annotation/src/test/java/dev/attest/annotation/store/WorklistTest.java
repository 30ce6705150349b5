package dev.attest.annotation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.Progress;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.annotation.model.WorklistPage;
import dev.attest.annotation.model.WorklistQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims by index (see {@link SampleProject}): case 1 (site A, organs) 0, 1, 2 (2 hand-added); case 2 (A, nodules)
 * 3, 4; case 3 (B, organs) 5, 6; case 4 (B, nodules) 7, 8. Ann scored 0, 1, 3; Ben scored 0 (agreeing), 1
 * (disagreeing), 5. Ann is assigned cases 1 and 3.
 */
class WorklistTest {
    @TempDir
    Path dir;
    SampleProject p;
    Score ann0;
    Score ann1;
    Score ben0;
    Score ben1;

    @BeforeEach
    void create() {
        p = SampleProject.create(dir);
        long ann = p.ann().id();
        long ben = p.ben().id();
        ann0 = score(0, ann, Verdict.CORRECT);
        ann1 = score(1, ann, Verdict.CORRECT);
        score(3, ann, Verdict.UNGRADABLE);
        ben0 = score(0, ben, Verdict.CORRECT);
        ben1 = score(1, ben, Verdict.INCORRECT);
        score(5, ben, Verdict.CORRECT);
        p.store().assign(p.cases().get(0).id(), ann);
        p.store().assign(p.cases().get(2).id(), ann);
    }

    @AfterEach
    void close() {
        p.store().close();
    }

    private Score score(int claimIndex, long reviewer, Verdict verdict) {
        return p.store().saveScore(new ScoreDraft(p.claims().get(claimIndex).id(), reviewer, verdict,
                EvidenceSupport.SUPPORTS, null, verdict == Verdict.INCORRECT ? ErrorType.FALSE_FINDING : null, null, null));
    }

    private List<Integer> indexes(WorklistPage page) {
        List<Long> ids = p.claims().stream().map(Claim::id).toList();
        return page.items().stream().map(i -> ids.indexOf(i.claim().id())).toList();
    }

    private WorklistPage run(WorklistQuery q) {
        return p.store().worklist(q);
    }

    @Test
    void filtersCombineAndCountAllMatches() {
        long ann = p.ann().id();
        WorklistQuery all = WorklistQuery.all(ann);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), indexes(run(all)));
        assertEquals(9, run(all).total());
        assertEquals(List.of(2, 4, 5, 6, 7, 8), indexes(run(all.unscored())));
        assertEquals(List.of(0, 1, 2, 5, 6), indexes(run(all.mine())));
        assertEquals(List.of(2, 5, 6), indexes(run(all.mine().unscored())));
        assertEquals(List.of(1), indexes(run(all.disagreeing())));
        assertEquals(List.of(0, 1, 5, 6), indexes(run(all.model("organs"))));
        assertEquals(List.of(7, 8), indexes(run(all.model("nodules").atSite("B"))));
        assertEquals(List.of(0, 1, 2, 3, 4), indexes(run(all.atSite("A"))));
        assertEquals(List.of(4), indexes(run(all.atSite("A").unscored().page(1, 5))));
        assertEquals(2, run(all.atSite("A").unscored().page(1, 5)).total());
    }

    @Test
    void pagesSliceTheOrderedListAndKeepTheTotal() {
        WorklistPage page = run(WorklistQuery.all(p.ann().id()).page(3, 4));
        assertEquals(List.of(3, 4, 5, 6), indexes(page));
        assertEquals(9, page.total());
        assertEquals(List.of(), indexes(run(WorklistQuery.all(p.ann().id()).page(20, 4))));
    }

    @Test
    void aSeededRandomOrderIsRepeatableAndPagesThroughEveryClaimOnce() {
        WorklistQuery q = WorklistQuery.all(p.ann().id()).shuffled(42).page(0, 100);
        List<Integer> order = indexes(run(q));
        assertEquals(order, indexes(run(q)));
        List<Integer> expected = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        Collections.shuffle(expected, new Random(42));
        assertEquals(expected, order);
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), order);
        List<Integer> paged = new ArrayList<>(indexes(run(q.page(0, 4))));
        paged.addAll(indexes(run(q.page(4, 4))));
        paged.addAll(indexes(run(q.page(8, 4))));
        assertEquals(order, paged);
    }

    @Test
    void unblindedItemsCarryTheModelAndEveryReviewersScore() {
        WorklistItem item = run(WorklistQuery.all(p.ann().id()).disagreeing()).items().get(0);
        assertEquals(p.claims().get(1), item.claim());
        assertEquals(p.cases().get(0), item.reviewCase());
        assertEquals("organs", item.modelId());
        assertEquals("1.0", item.modelVersion());
        assertEquals(ann1, item.myScore());
        assertEquals(List.of(ben1), item.otherScores());
    }

    @Test
    void blindedReviewersSeeOnlyTheirOwnScoresAndNoModel() {
        for (var who : List.of(p.ann(), p.ben())) {
            List<WorklistItem> items = run(WorklistQuery.all(who.id()).blind()).items();
            assertEquals(9, items.size());
            for (WorklistItem item : items) {
                assertNull(item.modelId());
                assertNull(item.modelVersion());
                assertNull(item.claim().runId());
                assertEquals(List.of(), item.otherScores());
                assertEquals(true, item.blinded());
            }
            boolean isAnn = who.id() == p.ann().id();
            assertEquals(isAnn ? ann0 : ben0, items.get(0).myScore());
            assertEquals(isAnn ? ann1 : ben1, items.get(1).myScore());
        }
        // Both judgements are still stored.
        assertEquals(List.of(ann1, ben1), p.store().currentScores(p.claims().get(1).id()));
    }

    @Test
    void blindedQueriesCannotAskForWhatBlindingHides() {
        assertThrows(IllegalArgumentException.class, () -> WorklistQuery.all(1).blind().disagreeing());
        assertThrows(IllegalArgumentException.class, () -> WorklistQuery.all(1).blind().model("organs"));
    }

    @Test
    void progressCountsCurrentScoresPerCaseAndOverall() {
        assertEquals(new Progress(2, 3), p.store().progress(p.ann().id(), p.cases().get(0).id()));
        assertEquals("2 of 3 scored", p.store().progress(p.ann().id(), p.cases().get(0).id()).toString());
        assertEquals(new Progress(3, 9), p.store().progress(p.ann().id()));
        score(1, p.ann().id(), Verdict.INCORRECT); // a new version is still one scored claim
        assertEquals(new Progress(3, 9), p.store().progress(p.ann().id()));
        assertEquals(new Progress(0, 9), p.store().progress(p.cat().id()));
        assertEquals(new Progress(1, 2), p.store().progress(p.ben().id(), p.cases().get(2).id()));
    }
}
