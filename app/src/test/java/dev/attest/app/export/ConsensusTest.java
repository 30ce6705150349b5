package dev.attest.app.export;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsensusTest {
    private static Consensus verdicts(String... answers) {
        return Consensus.of(List.of(answers), SetTables.VERDICTS, SetTablesWriter.VERDICT_TIE_ORDER);
    }

    @Test
    void majorityWinsWithItsShare() {
        Consensus c = verdicts("correct", "incorrect", "correct");
        assertEquals("correct", c.answer());
        assertEquals(2.0 / 3, c.share(), 0);
        assertFalse(c.tie());
        assertFalse(c.unanimous());
        assertEquals(Map.of("correct", 2, "partially_correct", 0, "incorrect", 1, "ungradable", 0), c.votes());
        assertEquals(List.of("correct", "partially_correct", "incorrect", "ungradable"), List.copyOf(c.votes().keySet()));
    }

    @Test
    void aTieGoesToTheAnswerLeastFavourableToTheModel() {
        assertEquals("incorrect", verdicts("correct", "incorrect").answer());
        assertEquals("partially_correct", verdicts("ungradable", "partially_correct", "correct").answer());
        assertEquals("correct", verdicts("ungradable", "correct").answer());
        assertTrue(verdicts("ungradable", "correct").tie());
        Consensus s = Consensus.of(List.of("supports", "partial", "none_or_off_target", "supports", "none_or_off_target"),
                SetTables.SUPPORTS, SetTablesWriter.SUPPORT_TIE_ORDER);
        assertEquals("none_or_off_target", s.answer());
        assertEquals(0.4, s.share(), 0);
    }

    @Test
    void unanimityNeedsTwoReviewersAndNobodyGivesNoAnswer() {
        assertTrue(verdicts("incorrect", "incorrect").unanimous());
        assertFalse(verdicts("incorrect").unanimous());
        Consensus none = verdicts();
        assertNull(none.answer());
        assertNull(none.share());
        assertEquals(0, none.reviewers());
        assertFalse(none.unanimous());
    }
}
