package dev.attest.core.volume;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Holds one primitive array per slice and, for lazy volumes, fills each slice exactly once on
 * first use, from whichever thread asks first.
 */
final class SliceStore {

    private final SliceCodec codec;
    private final int sliceLength;
    private final AtomicReferenceArray<Object> slices;
    private final SliceLoader loader;
    /** One lock per slice, so threads loading different slices never wait for each other. */
    private final Object[] locks;
    private final Supplier<String> volumeName;

    private SliceStore(SliceCodec codec, int sliceLength, Object[] initial, SliceLoader loader, Supplier<String> name) {
        this.codec = codec;
        this.sliceLength = sliceLength;
        this.slices = new AtomicReferenceArray<>(initial);
        this.loader = loader;
        this.volumeName = name;
        this.locks = new Object[initial.length];
        if (loader != null) {
            for (int z = 0; z < locks.length; z++) {
                locks[z] = new Object();
            }
        }
    }

    static SliceStore eager(SliceCodec codec, int sliceLength, Object[] slices) {
        return new SliceStore(codec, sliceLength, slices, null, () -> "");
    }

    static SliceStore lazy(SliceCodec codec, int sliceLength, int sliceCount, SliceLoader loader, Supplier<String> name) {
        return new SliceStore(codec, sliceLength, new Object[sliceCount], loader, name);
    }

    int sliceCount() {
        return slices.length();
    }

    boolean isLoaded(int z) {
        return slices.get(z) != null;
    }

    /** Returns slice z, loading it first if needed. */
    Object get(int z) {
        Object slice = slices.get(z);
        if (slice != null) {
            return slice;
        }
        synchronized (locks[z]) {
            slice = slices.get(z);
            if (slice == null) {
                Object fresh = codec.allocate(sliceLength);
                try {
                    loader.load(z, fresh);
                } catch (IOException e) {
                    // The slice stays unloaded, so a later call may retry, e.g. after a network hiccup.
                    throw new VolumeLoadException(volumeName.get(), z, e);
                }
                slices.set(z, fresh);
                slice = fresh;
            }
            return slice;
        }
    }

    /**
     * Loads every missing slice on the executor and waits; the first failure is rethrown once
     * all tasks have finished, so no task is left writing into the volume behind the caller's back.
     */
    void loadAll(Executor executor, ProgressListener progress, Cancellation cancellation) {
        List<Integer> missing = new ArrayList<>();
        for (int z = 0; z < slices.length(); z++) {
            if (slices.get(z) == null) {
                missing.add(z);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        AtomicLong done = new AtomicLong();
        long total = missing.size();
        CompletableFuture<?>[] tasks = new CompletableFuture<?>[missing.size()];
        for (int n = 0; n < tasks.length; n++) {
            int z = missing.get(n);
            tasks[n] = CompletableFuture.runAsync(() -> {
                cancellation.throwIfCancelled();
                get(z);
                progress.progress(done.incrementAndGet(), total, "loading slices");
            }, executor);
        }
        try {
            CompletableFuture.allOf(tasks).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
