package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, thread-safe cache of decoded frames, least recently used first out, bounded by the
 * bytes of the values it holds. Keys are a parsed file (by identity: reading the same path again
 * gives new keys, so a file changed on disk is never served stale) and a frame number. Two threads
 * asking for the same missing frame decode it once; the second waits for the first.
 *
 * <p>Values are never handed out: {@link PixelDecoder} copies a cached frame into the caller's
 * array, so no caller can change what another sees. An entry keeps its file (and the file's
 * memory mapping) reachable until it is evicted or {@linkplain #invalidate(Object) invalidated}.
 */
public final class FrameCache {
    /** The share of the maximum heap the {@linkplain #shared() shared cache} may fill. */
    static final double DEFAULT_HEAP_SHARE = 0.25;
    private static final long FALLBACK_BUDGET = 512L << 20;

    private final long budgetBytes;
    /** Access-ordered: iteration starts at the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<Key, StoredPixels> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;
    private final ConcurrentHashMap<Key, CompletableFuture<StoredPixels>> loading = new ConcurrentHashMap<>();

    /** A cache that holds at most {@code budgetBytes} bytes of decoded values; 0 holds nothing. */
    public FrameCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budget " + budgetBytes + " < 0");
        }
        this.budgetBytes = budgetBytes;
    }

    /** The cache {@link PixelDecoder#open(dev.attest.dicom.DicomFile)} uses: a quarter of the maximum heap. */
    public static FrameCache shared() {
        return Shared.INSTANCE;
    }

    /** A cache that keeps nothing, for decoding every time (benchmarks, one-off reads). */
    public static FrameCache disabled() {
        return new FrameCache(0);
    }

    /** A quarter of {@code maxMemory} ({@link Runtime#maxMemory()}), or 512 MiB when the heap is unbounded. */
    static long defaultBudget(long maxMemory) {
        return maxMemory == Long.MAX_VALUE ? FALLBACK_BUDGET : (long) (maxMemory * DEFAULT_HEAP_SHARE);
    }

    private static final class Shared {
        static final FrameCache INSTANCE = new FrameCache(defaultBudget(Runtime.getRuntime().maxMemory()));
    }

    /** Loads a frame on a miss. */
    @FunctionalInterface
    public interface Loader {
        StoredPixels load() throws DicomException;
    }

    /**
     * The frame under ({@code file}, {@code frame}), loaded with {@code loader} and kept if it is
     * missing. The value returned is the cached one: callers must not modify its array.
     */
    StoredPixels get(Object file, int frame, Loader loader) throws DicomException {
        Key key = new Key(file, frame);
        StoredPixels hit = peek(key);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<StoredPixels> mine = new CompletableFuture<>();
        CompletableFuture<StoredPixels> other = loading.putIfAbsent(key, mine);
        if (other != null) {
            StoredPixels loaded = await(other);
            synchronized (this) {
                hits++; // another caller's load served this one
            }
            return loaded;
        }
        try {
            // Another thread may have stored it between the peek and claiming the load.
            StoredPixels value;
            synchronized (this) {
                value = entries.get(key);
                if (value != null) {
                    hits++;
                } else {
                    misses++;
                }
            }
            if (value == null) {
                value = loader.load();
                put(key, value);
            }
            mine.complete(value);
            return value;
        } catch (DicomException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /** The cached frame, or null, without loading it; callers must not modify its array. */
    StoredPixels peek(Object file, int frame) {
        return peek(new Key(file, frame));
    }

    /** Counts hits only: a miss is counted when {@link #get} loads the frame. */
    private synchronized StoredPixels peek(Key key) {
        StoredPixels v = entries.get(key);
        if (v != null) {
            hits++;
        }
        return v;
    }

    private static StoredPixels await(CompletableFuture<StoredPixels> other) throws DicomException {
        try {
            return other.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            switch (cause) {
                case DicomException de -> throw de;
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IllegalStateException(cause);
            }
        }
    }

    private synchronized void put(Key key, StoredPixels value) {
        long size = sizeOf(value);
        if (size > budgetBytes) {
            return; // would evict everything and still not fit
        }
        StoredPixels old = entries.put(key, value);
        if (old != null) {
            bytes -= sizeOf(old);
        }
        bytes += size;
        Iterator<Map.Entry<Key, StoredPixels>> eldest = entries.entrySet().iterator();
        while (bytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<Key, StoredPixels> e = eldest.next();
            bytes -= sizeOf(e.getValue());
            eldest.remove();
            evictions++;
        }
    }

    /** Bytes of values a cached frame holds. */
    static long sizeOf(StoredPixels p) {
        return (long) p.size() * p.dtype().bytes();
    }

    /** Drops every frame of {@code file}. */
    public synchronized void invalidate(Object file) {
        Iterator<Map.Entry<Key, StoredPixels>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, StoredPixels> e = it.next();
            if (e.getKey().file == file) {
                bytes -= sizeOf(e.getValue());
                it.remove();
            }
        }
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /**
     * What the cache holds and how it has done since it was made: {@code hits} are requests served
     * without loading (from the cache, or by another caller's load of the same frame), {@code misses}
     * the loads.
     */
    public record Stats(int frames, long bytes, long budgetBytes, long hits, long misses, long evictions) {
    }

    public synchronized Stats stats() {
        return new Stats(entries.size(), bytes, budgetBytes, hits, misses, evictions);
    }

    /** A file by identity and a frame number. */
    private record Key(Object file, int frame) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.file == file && k.frame == frame;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(file) * 31 + frame;
        }
    }
}
