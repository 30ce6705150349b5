package dev.attest.reports.pdf;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the benchmark summary PDF prints: counts, groups, score distributions, check failure rates and
 * metric estimates, already computed by the caller. Maps keep the caller's order, which is the order of bars.
 */
public record BenchmarkSummaryData(String projectName, Instant generatedAt, String attestVersion, Counts counts,
                                   List<GroupSummary> models, List<GroupSummary> sites,
                                   List<VerdictDistribution> verdictsByModel, List<FailureRates> failuresByModel,
                                   List<FailureRates> failuresBySite, List<MetricRow> metrics) {

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

    public BenchmarkSummaryData {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(attestVersion, "attestVersion");
        Objects.requireNonNull(counts, "counts");
        models = List.copyOf(models);
        sites = List.copyOf(sites);
        verdictsByModel = List.copyOf(verdictsByModel);
        failuresByModel = List.copyOf(failuresByModel);
        failuresBySite = List.copyOf(failuresBySite);
        metrics = List.copyOf(metrics);
    }
}
