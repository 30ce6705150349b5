package dev.attest.core.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.Cancellation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LazyVolumeTest {

    private static final ImageGrid GRID = new ImageGrid(16, 8, 64, Affine.identity());

    /** A loader that writes z into every voxel and counts how often each slice is loaded. */
    private static final class CountingLoader implements SliceLoader {
        final AtomicIntegerArray loads = new AtomicIntegerArray(GRID.sizeZ());

        @Override
        public void load(int z, Object sliceArray) {
            loads.incrementAndGet(z);
            // Widen the race window so concurrent callers really overlap.
            Thread.onSpinWait();
            java.util.Arrays.fill((short[]) sliceArray, (short) z);
        }
    }

    @Test
    void loadsEachSliceExactlyOnceWhenManyThreadsAskAtOnce() throws Exception {
        CountingLoader loader = new CountingLoader();
        Volume volume = Volume.lazy(GRID, VoxelType.INT16, loader);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads + 1)) {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Integer> order = new ArrayList<>();
                for (int z = 0; z < GRID.sizeZ(); z++) {
                    order.add(z);
                }
                Collections.shuffle(order, new java.util.Random(t));
                readers.add(pool.submit(() -> {
                    start.await();
                    for (int z : order) {
                        assertEquals(z, volume.getStored(15, 7, z));
                    }
                    return null;
                }));
            }
            readers.add(pool.submit(() -> {
                start.await();
                volume.loadAll(4);
                return null;
            }));
            start.countDown();
            for (Future<?> f : readers) {
                f.get();
            }
        }
        for (int z = 0; z < GRID.sizeZ(); z++) {
            assertEquals(1, loader.loads.get(z), "loads of slice " + z);
            assertTrue(volume.isLoaded(z));
        }
    }

    @Test
    void loadAllLoadsOnlyTheMissingSlicesAndReportsProgress() {
        CountingLoader loader = new CountingLoader();
        Volume volume = Volume.lazy(GRID, VoxelType.INT16, loader);
        volume.sliceArray(0);
        volume.sliceArray(5);
        AtomicLong lastDone = new AtomicLong();
        AtomicLong total = new AtomicLong();
        volume.loadAll(Runnable::run, (done, all, message) -> {
            lastDone.accumulateAndGet(done, Math::max);
            total.set(all);
        }, new Cancellation());
        assertEquals(62, total.get());
        assertEquals(62, lastDone.get());
        for (int z = 0; z < GRID.sizeZ(); z++) {
            assertEquals(1, loader.loads.get(z));
        }
    }

    @Test
    void loaderFailureNamesTheVolumeAndSliceAndCanBeRetried() {
        AtomicIntegerArray attempts = new AtomicIntegerArray(GRID.sizeZ());
        Volume volume = Volume.lazy(GRID, VoxelType.UINT8, (z, slice) -> {
            if (z == 3 && attempts.incrementAndGet(z) == 1) {
                throw new IOException("frame 3 is truncated");
            }
        });
        volume.setName("CT chest");
        VolumeLoadException e = assertThrows(VolumeLoadException.class, () -> volume.sliceArray(3));
        assertEquals(3, e.slice());
        assertTrue(e.getMessage().contains("slice 3"), e.getMessage());
        assertTrue(e.getMessage().contains("CT chest"), e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
        assertFalse(volume.isLoaded(3));
        assertEquals(0.0, volume.getStored(0, 0, 3));
        assertTrue(volume.isLoaded(3));
    }

    @Test
    void loadAllRethrowsTheLoaderFailureAfterLoadingTheRest() {
        Volume volume = Volume.lazy(GRID, VoxelType.FLOAT32, (z, slice) -> {
            if (z == 10) {
                throw new IOException("unreadable frame");
            }
        });
        VolumeLoadException e = assertThrows(VolumeLoadException.class, () -> volume.loadAll(3));
        assertEquals(10, e.slice());
        assertTrue(volume.isLoaded(9));
        assertTrue(volume.isLoaded(63));
        assertFalse(volume.isLoaded(10));
    }

    @Test
    void loadAllStopsWhenCancelled() {
        CountingLoader loader = new CountingLoader();
        Volume volume = Volume.lazy(GRID, VoxelType.INT16, loader);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        assertThrows(CancelledException.class,
                () -> volume.loadAll(Runnable::run, (done, total, message) -> { }, cancellation));
        assertFalse(volume.isLoaded(0));
    }
}
