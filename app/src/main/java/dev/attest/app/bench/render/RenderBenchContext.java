package dev.attest.app.bench.render;

import dev.attest.core.volume.Volume;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every render benchmark part shares: the generated CT and label volumes, the number of
 * timed runs, a scratch folder, the Python that runs the peer tools, and a log for progress lines.
 */
public record RenderBenchContext(Volume ct, Volume labels, int runs, Path work, String python, PrintStream log) {

    /** Times task runs times after one untimed warm-up run, in milliseconds. */
    public List<Double> time(int count, ThrowingRunnable task) throws Exception {
        task.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    public static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Rounds each value to 3 decimals for the report. */
    public static List<Double> rounded(List<Double> values) {
        return values.stream().map(RenderBenchContext::round3).toList();
    }

    /** A task that may throw, to time I/O as well. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
