package dev.attest.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the peak heap used while something runs: a daemon thread samples used heap every
 * millisecond and keeps the maximum above the baseline taken after a GC at start. Garbage not yet
 * collected counts too, so the figure is an upper bound of what the work needed.
 */
public final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private volatile boolean running = true;
    private volatile long peak;
    private final Thread thread;

    private HeapSampler() {
        System.gc();
        baseline = memory.getHeapMemoryUsage().getUsed();
        peak = baseline;
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public static HeapSampler start() {
        return new HeapSampler();
    }

    /** Stops sampling and returns the peak bytes used above the baseline. */
    public long stop() {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.max(0, peak - baseline);
    }
}
