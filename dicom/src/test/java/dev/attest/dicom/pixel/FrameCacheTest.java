package dev.attest.dicom.pixel;

import dev.attest.dicom.TestData;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frame cache: LRU eviction by bytes, one decode per frame under contention, and values identical to uncached decoding. */
class FrameCacheTest {
    /** 64 × 64 uint16: 8192 bytes. */
    private static final long FRAME_BYTES = 64 * 64 * 2;

    private static StoredPixels frame(int fill) {
        short[] values = new short[64 * 64];
        java.util.Arrays.fill(values, (short) fill);
        return new StoredPixels(PixelDtype.UINT16, 1, 64, 64, 1, "MONOCHROME2", false, values);
    }

    @Test
    void evictsTheLeastRecentlyUsedFramesOnceTheByteBudgetIsPassed() throws DicomException {
        FrameCache cache = new FrameCache(3 * FRAME_BYTES);
        Object file = new Object();
        for (int f = 0; f < 3; f++) {
            int fill = f;
            cache.get(file, f, () -> frame(fill));
        }
        assertEquals(new FrameCache.Stats(3, 3 * FRAME_BYTES, 3 * FRAME_BYTES, 0, 3, 0), cache.stats());
        assertTrue(cache.peek(file, 0) != null); // frame 0 is now the most recently used, frame 1 the least
        cache.get(file, 3, () -> frame(3));
        assertNull(cache.peek(file, 1), "the least recently used frame went");
        for (int f : new int[] {0, 2, 3}) {
            assertEquals(f, cache.peek(file, f).shorts()[0]);
        }
        FrameCache.Stats stats = cache.stats();
        assertEquals(3, stats.frames());
        assertEquals(3 * FRAME_BYTES, stats.bytes());
        assertEquals(1, stats.evictions());
    }

    @Test
    void countsBytesByValueTypeAndEvictsAsManyFramesAsABigOneNeeds() throws DicomException {
        FrameCache cache = new FrameCache(4 * FRAME_BYTES);
        Object file = new Object();
        for (int f = 0; f < 4; f++) {
            cache.get(file, f, () -> frame(0));
        }
        // 64 × 64 × 3 int32 = 6 small frames' worth: too big for the budget, so it is returned but not kept.
        StoredPixels big = new StoredPixels(PixelDtype.INT32, 1, 64, 64, 3, "RGB", false, new int[64 * 64 * 3]);
        assertSame(big, cache.get(file, 9, () -> big));
        assertEquals(4, cache.stats().frames());
        // 64 × 64 × 3 uint8 = 1.5 small frames: two of the four go.
        StoredPixels rgb = new StoredPixels(PixelDtype.UINT8, 1, 64, 64, 3, "RGB", false, new byte[64 * 64 * 3]);
        cache.get(file, 10, () -> rgb);
        assertEquals(new FrameCache.Stats(3, 2 * FRAME_BYTES + 64 * 64 * 3, 4 * FRAME_BYTES, 0, 6, 2), cache.stats());
        assertNull(cache.peek(file, 0));
        assertNull(cache.peek(file, 1));
    }

    @Test
    void keysFilesByIdentityAndInvalidatesOneFileOnly() throws DicomException {
        FrameCache cache = new FrameCache(10 * FRAME_BYTES);
        String a = new String("same.dcm");
        String b = new String("same.dcm");
        cache.get(a, 0, () -> frame(1));
        cache.get(b, 0, () -> frame(2));
        assertEquals(1, cache.peek(a, 0).shorts()[0]);
        assertEquals(2, cache.peek(b, 0).shorts()[0]);
        cache.invalidate(a);
        assertNull(cache.peek(a, 0));
        assertEquals(2, cache.peek(b, 0).shorts()[0]);
        assertEquals(FRAME_BYTES, cache.stats().bytes());
    }

    @Test
    void aFailedLoadIsNotCachedAndReachesEveryWaiter() {
        FrameCache cache = new FrameCache(10 * FRAME_BYTES);
        Object file = new Object();
        assertThrows(PixelDataException.class, () -> cache.get(file, 0, () -> {
            throw new PixelDataException("x.dcm", "broken");
        }));
        assertEquals(0, cache.stats().frames());
    }

    @Test
    void decodesEachFrameOnceWhenManyThreadsAskForItTogether() throws Exception {
        FrameCache cache = new FrameCache(100 * FRAME_BYTES);
        Object file = new Object();
        int threads = 16;
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StoredPixels>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    allAsking.countDown();
                    return cache.get(file, 7, () -> {
                        loads.incrementAndGet();
                        try {
                            allAsking.await(10, TimeUnit.SECONDS); // hold the load until every thread has asked
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return frame(7);
                    });
                }));
            }
            StoredPixels first = results.get(0).get(20, TimeUnit.SECONDS);
            for (Future<StoredPixels> r : results) {
                assertSame(first, r.get(20, TimeUnit.SECONDS));
            }
            assertEquals(1, loads.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staysWithinItsBudgetAndReturnsTheRightFrameUnderConcurrentChurn() throws Exception {
        long budget = 5 * FRAME_BYTES;
        FrameCache cache = new FrameCache(budget);
        Object[] files = {new Object(), new Object(), new Object()};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 2000; i++) {
                        int fileNo = random.nextInt(files.length);
                        int frameNo = random.nextInt(6);
                        int fill = fileNo * 100 + frameNo;
                        StoredPixels p = cache.get(files[fileNo], frameNo, () -> frame(fill));
                        assertEquals(fill, p.shorts()[0]);
                        assertEquals(fill, p.shorts()[p.size() - 1]);
                        assertTrue(cache.stats().bytes() <= budget);
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> r : results) {
                assertEquals(2000, r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        FrameCache.Stats stats = cache.stats();
        assertEquals(5, stats.frames());
        assertEquals(budget, stats.bytes());
        assertEquals(8 * 2000, stats.hits() + stats.misses());
    }

    @Test
    void defaultBudgetIsAQuarterOfTheMaximumHeap() {
        assertEquals(1L << 30, FrameCache.defaultBudget(4L << 30));
        assertEquals(512L << 20, FrameCache.defaultBudget(Long.MAX_VALUE));
        assertEquals(FrameCache.defaultBudget(Runtime.getRuntime().maxMemory()), FrameCache.shared().budgetBytes());
    }

    /** Multi-frame files of three codecs: native, RLE and JPEG 2000. */
    @ParameterizedTest
    @ValueSource(strings = {"pydicom-data/emri_small.dcm", "dicomparser/CT0012.not_fragmented_bot_rle.dcm",
            "pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm", "pydicom/SC_rgb_rle_32bit_2frame.dcm"})
    void cachedFramesAreIdenticalToUncachedOnesAndToTheParallelDecodeOfAll(String name) throws IOException {
        DicomFile file = TestData.read("dicom-codecs/" + name);
        PixelDecoder uncached = PixelDecoder.open(file, FrameCache.disabled());
        FrameCache cache = new FrameCache(64L << 20);
        PixelDecoder cached = PixelDecoder.open(file, cache);
        StoredPixels all = uncached.decodeAll();
        int perFrame = all.size() / all.frames();
        for (int f = 0; f < uncached.frameCount(); f++) {
            StoredPixels direct = uncached.decodeFrame(f);
            StoredPixels miss = cached.decodeFrame(f);
            StoredPixels hit = cached.decodeFrame(f);
            assertEquals(direct.photometric(), hit.photometric());
            assertEquals(direct.dtype(), hit.dtype());
            assertArrayEquals(direct.toLittleEndianBytes(), miss.toLittleEndianBytes(), "frame " + f + " on a miss");
            assertArrayEquals(direct.toLittleEndianBytes(), hit.toLittleEndianBytes(), "frame " + f + " on a hit");
            assertNotSame(miss.array(), hit.array(), "each caller gets its own array");
            byte[] slice = new byte[direct.toLittleEndianBytes().length];
            System.arraycopy(all.toLittleEndianBytes(), f * slice.length, slice, 0, slice.length);
            assertArrayEquals(slice, direct.toLittleEndianBytes(), "frame " + f + " of the parallel decodeAll");
            assertEquals(perFrame, direct.size());
        }
        int frames = uncached.frameCount();
        assertEquals(new FrameCache.Stats(frames, frames * FrameCache.sizeOf(uncached.decodeFrame(0)), 64L << 20,
                frames, frames, 0), cache.stats());
        // A caller writing into its copy changes nothing for the next one; decodeAll reads the cached frames.
        StoredPixels mine = cached.decodeFrame(0);
        java.lang.reflect.Array.set(mine.array(), 0, java.lang.reflect.Array.get(mine.array(), 1));
        assertArrayEquals(all.toLittleEndianBytes(), cached.decodeAll().toLittleEndianBytes());
        assertArrayEquals(uncached.decodeFrame(0).toLittleEndianBytes(), cached.decodeFrame(0).toLittleEndianBytes());
    }
}
