package dev.attest.app.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The majority answer of several reviewers to one question (verdict, or evidence support). Ties go to the answer
 * least favourable to the model, named first in {@code leastFavourableFirst}: a benchmark should not credit a
 * model with a judgement its reviewers split on.
 *
 * @param answer   the majority answer, null when nobody answered
 * @param votes    answers per code, every code listed (zero when nobody gave it), in the codes' own order
 * @param share    the share of answers that are the majority answer, null when nobody answered
 * @param tie      whether two or more answers tied for the majority
 * @param reviewers how many answered
 */
record Consensus(String answer, Map<String, Integer> votes, Double share, boolean tie, int reviewers) {

    /** Whether at least two reviewers answered and all gave the same answer. */
    boolean unanimous() {
        return reviewers >= 2 && votes.get(answer) == reviewers;
    }

    /**
     * @param answers              one answer per reviewer
     * @param codes                every possible answer, in their usual order
     * @param leastFavourableFirst the same codes, least favourable to the model first (the tie-break order)
     */
    static Consensus of(List<String> answers, List<String> codes, List<String> leastFavourableFirst) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        codes.forEach(c -> votes.put(c, 0));
        for (String a : answers) {
            if (!votes.containsKey(a)) {
                throw new IllegalArgumentException("answer '" + a + "' is not one of " + codes);
            }
            votes.merge(a, 1, Integer::sum);
        }
        if (answers.isEmpty()) {
            return new Consensus(null, votes, null, false, 0);
        }
        int top = votes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long atTop = votes.values().stream().filter(v -> v == top).count();
        String answer = leastFavourableFirst.stream().filter(c -> votes.get(c) == top).findFirst().orElseThrow();
        return new Consensus(answer, votes, (double) top / answers.size(), atTop > 1, answers.size());
    }
}
