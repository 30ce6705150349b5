package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.bootstrap.CaseBootstrap;
import dev.attest.annotation.metrics.bootstrap.Estimate;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.Verdict;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes one group's {@link ClaimMetrics}: each rate is a sum over cases of a per-case numerator over a
 * per-case denominator, so that the bootstrap can resample cases.
 */
final class ClaimMetricsCalculator {
    static final String UNSPECIFIED = "unspecified";

    private final MetricsOptions options;

    ClaimMetricsCalculator(MetricsOptions options) {
        this.options = options;
    }

    ClaimMetrics compute(List<Judgement> judgements, List<MissedFinding> missed) {
        TreeSet<Long> caseIds = new TreeSet<>();
        judgements.forEach(j -> caseIds.add(j.reviewCase().id()));
        missed.forEach(m -> caseIds.add(m.caseId()));
        Map<Long, Integer> caseIndex = new HashMap<>();
        for (long id : caseIds) {
            caseIndex.put(id, caseIndex.size());
        }
        int n = caseIds.size();
        PerCase gradable = new PerCase(n);
        PerCase correct = new PerCase(n);
        PerCase supported = new PerCase(n);
        PerCase wrongReason = new PerCase(n);
        PerCase incorrect = new PerCase(n);
        PerCase evidencedIncorrect = new PerCase(n);
        PerCase errors = new PerCase(n);
        PerCase misses = new PerCase(n);
        Map<String, PerCase> errorTypes = new LinkedHashMap<>();
        for (ErrorType t : ErrorType.values()) {
            errorTypes.put(t.code(), new PerCase(n));
        }
        errorTypes.put(UNSPECIFIED, new PerCase(n));
        Map<String, Long> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            verdicts.put(v.code(), 0L);
        }
        Set<Long> claims = new HashSet<>();
        Set<Long> reviewers = new HashSet<>();

        for (Judgement j : judgements) {
            int c = caseIndex.get(j.reviewCase().id());
            Verdict verdict = j.score().verdict();
            EvidenceSupport support = j.score().support();
            claims.add(j.claim().id());
            reviewers.add(j.score().reviewerId());
            verdicts.merge(verdict.code(), 1L, Long::sum);
            if (verdict == Verdict.UNGRADABLE) {
                continue;
            }
            gradable.add(c);
            if (isCorrect(verdict)) {
                correct.add(c);
                if (support == EvidenceSupport.SUPPORTS) {
                    supported.add(c);
                } else if (support == EvidenceSupport.CONTRADICTS || support == EvidenceSupport.NONE_OR_OFF_TARGET) {
                    wrongReason.add(c);
                }
            } else {
                errors.add(c);
                ErrorType type = j.score().errorType();
                errorTypes.get(type == null ? UNSPECIFIED : type.code()).add(c);
            }
            if (verdict == Verdict.INCORRECT) {
                incorrect.add(c);
                if (j.hasEvidence()) {
                    evidencedIncorrect.add(c);
                }
            }
        }
        for (MissedFinding m : missed) {
            misses.add(caseIndex.get(m.caseId()));
        }

        CaseBootstrap bootstrap = new CaseBootstrap(n, options.bootstrap());
        Map<String, Estimate> errorShares = new LinkedHashMap<>();
        errorTypes.forEach((type, count) -> errorShares.put(type, bootstrap.ratio(count.values, errors.values)));
        return new ClaimMetrics(n, claims.size(), judgements.size(), reviewers.size(), missed.size(), verdicts,
                bootstrap.ratio(correct.values, gradable.values),
                bootstrap.ratio(correct.values, correct.plus(misses)),
                bootstrap.ratio(supported.values, correct.values),
                bootstrap.ratio(wrongReason.values, correct.values),
                bootstrap.ratio(evidencedIncorrect.values, incorrect.values),
                errorShares, VerdictAgreements.of(judgements));
    }

    private boolean isCorrect(Verdict verdict) {
        return verdict == Verdict.CORRECT || (options.partialCountsAsCorrect() && verdict == Verdict.PARTIALLY_CORRECT);
    }

    /** A count per case. */
    private static final class PerCase {
        final double[] values;

        PerCase(int cases) {
            values = new double[cases];
        }

        void add(int caseIndex) {
            values[caseIndex]++;
        }

        double[] plus(PerCase other) {
            double[] sum = values.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.values[i];
            }
            return sum;
        }
    }
}
