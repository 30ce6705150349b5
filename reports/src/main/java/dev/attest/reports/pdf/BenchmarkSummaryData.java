package dev.attest.reports.pdf;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the benchmark summary PDF prints: counts, groups, score distributions, check failure rates,
 * metric estimates and model evidence against reviewers' corrections, already computed by the caller. Maps keep
 * the caller's order, which is the order of bars.
 *
 * @param evidence model evidence against the corrections reviewers stored; {@link EvidenceAgreement#NONE} when
 *                 the project has none
 */
public record BenchmarkSummaryData(String projectName, Instant generatedAt, String attestVersion, Counts counts,
                                   List<GroupSummary> models, List<GroupSummary> sites,
                                   List<VerdictDistribution> verdictsByModel, List<FailureRates> failuresByModel,
                                   List<FailureRates> failuresBySite, List<MetricRow> metrics,
                                   EvidenceAgreement evidence) {

    /** Totals over the whole project. */
    public record Counts(int cases, int claims, int scores, int reviewers) {
    }

    /** How much of the project one model or one site accounts for. */
    public record GroupSummary(String name, int cases, int claims, int scores) {
        public GroupSummary {
            Objects.requireNonNull(name, "name");
        }
    }

    /** How many scores of each verdict one model's claims received, in the order the bars are drawn. */
    public record VerdictDistribution(String model, Map<String, Integer> counts) {
        public VerdictDistribution {
            Objects.requireNonNull(model, "model");
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }

    /** Failed checks out of checks run, for one kind of check. */
    public record FailRate(int failed, int total) {
        public FailRate {
            if (failed < 0 || total < 0 || failed > total) {
                throw new IllegalArgumentException("fail rate " + failed + "/" + total + " is not a count out of a total");
            }
        }

        /** The failed fraction; 0 when no check of the kind ran, so an empty group draws no bar. */
        public double rate() {
            return total == 0 ? 0 : (double) failed / total;
        }
    }

    /** Check failure rates of one group (a model or a site), by check kind. */
    public record FailureRates(String group, Map<String, FailRate> byKind) {
        public FailureRates {
            Objects.requireNonNull(group, "group");
            byKind = Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
        }
    }

    /**
     * One metric estimate; the interval bounds are null when no interval was computed.
     */
    public record MetricRow(String name, double value, Double ciLow, Double ciHigh) {
        public MetricRow {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A mean over comparisons of model evidence with reviewers' corrections (e.g. mean Dice), with how many
     * comparisons it rests on; the interval bounds are null when no interval was computed.
     *
     * @param n         comparisons where the metric was defined (its denominator)
     * @param zeroToOne whether the metric lies between 0 and 1 (Dice, a hit rate), so it can share a 0-1 axis;
     *                  false for a distance in mm
     */
    public record MeanRow(String name, int n, double value, Double ciLow, Double ciHigh, boolean zeroToOne) {
        public MeanRow {
            Objects.requireNonNull(name, "name");
            if (n < 0) {
                throw new IllegalArgumentException("a mean over " + n + " comparisons");
            }
        }
    }

    /**
     * Model evidence against reviewers' corrections in one model or site.
     *
     * @param name        the model or site
     * @param cases       cases with at least one comparison (what the bootstrap resamples)
     * @param corrections corrections with at least one comparison
     * @param masks       mask comparisons
     * @param boxes       box comparisons
     * @param heatmaps    heat-map comparisons
     * @param metrics     the table's rows, for the kinds that were compared
     * @param emptyMasks  mask comparisons by which mask was empty ("neither", "both", "reference",
     *                    "prediction"), in the order printed; empty when no mask was compared
     * @param boxesWithoutModelBox box comparisons where the model's mask lacked the label, so it had no box
     * @param skipped     comparisons that could not be made, by reason code, in the order printed
     */
    public record CorrectionGroup(String name, int cases, int corrections, int masks, int boxes, int heatmaps,
                                  List<MeanRow> metrics, Map<String, Integer> emptyMasks, int boxesWithoutModelBox,
                                  Map<String, Integer> skipped) {
        public CorrectionGroup {
            Objects.requireNonNull(name, "name");
            metrics = List.copyOf(metrics);
            emptyMasks = Collections.unmodifiableMap(new LinkedHashMap<>(emptyMasks));
            skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    /**
     * Model evidence against the corrections reviewers stored, per model and per site.
     *
     * @param settings how comparisons were made (tolerances), printed with the section; may be empty
     * @param byModel  one group per model; empty, like {@code bySite}, when the project has no correction
     */
    public record EvidenceAgreement(String settings, List<CorrectionGroup> byModel, List<CorrectionGroup> bySite) {
        /** A project without corrections. */
        public static final EvidenceAgreement NONE = new EvidenceAgreement("", List.of(), List.of());

        public EvidenceAgreement {
            settings = settings == null ? "" : settings;
            byModel = List.copyOf(byModel);
            bySite = List.copyOf(bySite);
        }

        /** Whether no correction was compared with, or skipped against, any model evidence. */
        public boolean isEmpty() {
            return byModel.isEmpty() && bySite.isEmpty();
        }
    }

    public BenchmarkSummaryData {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(attestVersion, "attestVersion");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(evidence, "evidence");
        models = List.copyOf(models);
        sites = List.copyOf(sites);
        verdictsByModel = List.copyOf(verdictsByModel);
        failuresByModel = List.copyOf(failuresByModel);
        failuresBySite = List.copyOf(failuresBySite);
        metrics = List.copyOf(metrics);
    }

    /** A summary of a project without corrections (no evidence section beyond saying so). */
    public BenchmarkSummaryData(String projectName, Instant generatedAt, String attestVersion, Counts counts,
                                List<GroupSummary> models, List<GroupSummary> sites,
                                List<VerdictDistribution> verdictsByModel, List<FailureRates> failuresByModel,
                                List<FailureRates> failuresBySite, List<MetricRow> metrics) {
        this(projectName, generatedAt, attestVersion, counts, models, sites, verdictsByModel, failuresByModel,
                failuresBySite, metrics, EvidenceAgreement.NONE);
    }
}
