package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.annotation.metrics.MetricInputException;
import dev.attest.annotation.metrics.agreement.AgreementSummary;
import dev.attest.annotation.metrics.agreement.AlphaLevel;
import dev.attest.annotation.metrics.agreement.CohenKappa;
import dev.attest.annotation.metrics.agreement.FleissKappa;
import dev.attest.annotation.metrics.agreement.IntraclassCorrelation;
import dev.attest.annotation.metrics.agreement.KappaWeighting;
import dev.attest.annotation.metrics.agreement.KrippendorffAlpha;
import dev.attest.annotation.metrics.agreement.RatingTable;
import dev.attest.annotation.metrics.agreement.RatingsCsv;
import dev.attest.annotation.metrics.segmentation.SegmentationMetrics;
import dev.attest.annotation.metrics.segmentation.SegmentationOptions;
import dev.attest.annotation.metrics.segmentation.SegmentationReport;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code attest stats seg|agreement}: segmentation metrics of two label maps, agreement statistics of a CSV. */
@Command(name = "stats", description = "Segmentation metrics of two label maps; agreement statistics of ratings.",
        subcommands = {StatsCommand.Seg.class, StatsCommand.Agreement.class})
public final class StatsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints value as indented JSON on stdout; NaN and Infinity become the strings "NaN" and "Infinity". */
    static void printJson(Object value) throws Exception {
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }

    /** {@code attest stats seg --pred A --ref B [--tau MM] [--labels 1,2] [--percentile P]}. */
    @Command(name = "seg", mixinStandardHelpOptions = true,
            description = "Dice, IoU, Hausdorff/HD95, average surface distances and surface Dice per label (JSON).")
    static final class Seg implements Callable<Integer> {
        @Option(names = "--pred", required = true, paramLabel = "FILE", description = "predicted label map (NIfTI)")
        Path prediction;

        @Option(names = "--ref", required = true, paramLabel = "FILE", description = "reference label map (NIfTI), same grid")
        Path reference;

        @Option(names = "--tau", defaultValue = "1.0", paramLabel = "MM", description = "surface Dice tolerance in mm (default 1)")
        double tau;

        @Option(names = "--labels", split = ",", paramLabel = "L", description = "labels to measure (default: every label in either map)")
        List<Integer> labels;

        @Option(names = "--percentile", defaultValue = "95", paramLabel = "P", description = "Hausdorff percentile (default 95)")
        double percentile;

        @Override
        public Integer call() throws Exception {
            Volume pred = NiftiReader.read(prediction).volume();
            Volume ref = NiftiReader.read(reference).volume();
            SegmentationReport report = SegmentationMetrics.compare(pred, ref,
                    new SegmentationOptions(tau, percentile, labels == null ? List.of() : labels));
            printJson(report);
            return 0;
        }
    }

    /** The statistics {@code attest stats agreement --kind} computes. */
    enum Kind {
        COHEN, COHEN_LINEAR, COHEN_QUADRATIC, FLEISS, ALPHA_NOMINAL, ALPHA_ORDINAL, ALPHA_INTERVAL, ALPHA_RATIO, ICC;

        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code().equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown --kind '" + code + "'; use one of "
                    + java.util.Arrays.stream(values()).map(Kind::code).toList());
        }
    }

    /** {@code attest stats agreement --kind KIND --csv FILE}. */
    @Command(name = "agreement", mixinStandardHelpOptions = true,
            description = "Agreement statistics of a CSV: rows = units, columns = raters, empty cell = missing;"
                    + " for fleiss, rows = units and columns = counts per category.")
    static final class Agreement implements Callable<Integer> {
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "cohen, cohen-linear,"
                + " cohen-quadratic, fleiss, alpha-nominal, alpha-ordinal, alpha-interval, alpha-ratio or icc")
        String kind;

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the ratings (or counts) as CSV")
        Path csv;

        @Override
        public Integer call() throws Exception {
            Kind k = Kind.of(kind);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", k.code());
            out.put("file", csv.toString());
            if (k == Kind.FLEISS) {
                long[][] counts = RatingsCsv.readCounts(csv);
                out.put("units", counts.length);
                out.put("result", FleissKappa.compute(counts));
                out.put("summary", AgreementSummary.ofCounts(counts));
                printJson(out);
                return 0;
            }
            RatingTable table = RatingsCsv.readRatings(csv);
            out.put("raters", table.raters());
            out.put("units", table.units());
            out.put("result", switch (k) {
                case COHEN, COHEN_LINEAR, COHEN_QUADRATIC -> {
                    if (table.raters().size() != 2) {
                        throw new MetricInputException(csv + " has " + table.raters().size()
                                + " rater columns; Cohen's kappa compares exactly two (use fleiss or alpha for more)");
                    }
                    KappaWeighting w = k == Kind.COHEN ? KappaWeighting.UNWEIGHTED
                            : k == Kind.COHEN_LINEAR ? KappaWeighting.LINEAR : KappaWeighting.QUADRATIC;
                    yield CohenKappa.fromRatings(table.rater(0), table.rater(1), w);
                }
                case ALPHA_NOMINAL -> KrippendorffAlpha.compute(table.values(), AlphaLevel.NOMINAL);
                case ALPHA_ORDINAL -> KrippendorffAlpha.compute(table.values(), AlphaLevel.ORDINAL);
                case ALPHA_INTERVAL -> KrippendorffAlpha.compute(table.values(), AlphaLevel.INTERVAL);
                case ALPHA_RATIO -> KrippendorffAlpha.compute(table.values(), AlphaLevel.RATIO);
                case ICC -> IntraclassCorrelation.compute(table.values());
                case FLEISS -> throw new IllegalStateException("handled above");
            });
            out.put("summary", AgreementSummary.of(table.values()));
            printJson(out);
            return 0;
        }
    }
}
