package dev.attest.viewer.surface;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a label map into one closed surface per label present: marching cubes on each label's
 * own bounding box, then smoothing and decimation, the labels spread over the executor's threads.
 */
public final class LabelSurfaces {

    private LabelSurfaces() {
    }

    /** Builds every label's surface on a pool with one thread per core. */
    public static Map<Integer, SurfaceMesh> build(Volume labels, SurfaceOptions options) {
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("label-surface-", 0).daemon().factory())) {
            return build(labels, options, pool, ProgressListener.NONE, new Cancellation());
        }
    }

    /**
     * Builds every label's surface, one task per label on executor, reporting one unit per
     * finished label; returns the meshes by increasing label (background 0 excluded).
     *
     * @throws CancelledException if cancellation was requested before all labels were done
     */
    public static Map<Integer, SurfaceMesh> build(Volume labels, SurfaceOptions options, Executor executor,
                                                  ProgressListener progress, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        LabelIndex index = LabelIndex.scan(labels);
        List<Integer> present = new ArrayList<>(index.extents().keySet());
        // Largest first: the big organs take longest, and starting them first keeps cores busy to the end.
        present.sort((a, b) -> Long.compare(index.extents().get(b).voxels(), index.extents().get(a).voxels()));
        int total = present.size();
        AtomicLong done = new AtomicLong();
        progress.progress(0, total, "surfaces: 0 of " + total + " labels");
        List<CompletableFuture<SurfaceMesh>> futures = new ArrayList<>(total);
        for (int label : present) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                cancellation.throwIfCancelled();
                SurfaceMesh raw = MarchingCubes.extract(index.mask(label), labels.grid(), cancellation);
                cancellation.throwIfCancelled();
                SurfaceMesh mesh = options.apply(raw);
                long finished = done.incrementAndGet();
                progress.progress(finished, total, "surfaces: " + finished + " of " + total + " labels");
                return mesh;
            }, executor));
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (cancellation.isCancelled() || e.getCause() instanceof CancelledException) {
                throw new CancelledException();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        Map<Integer, SurfaceMesh> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < total; i++) {
            byLabel.put(present.get(i), futures.get(i).join());
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
    }
}
