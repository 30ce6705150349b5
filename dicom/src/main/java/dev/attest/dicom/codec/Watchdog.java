package dev.attest.dicom.codec;

import dev.attest.dicom.pixel.PixelDataException;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a third-party decoder with a time limit. JJ2000 (the jai-imageio JPEG 2000 decoder) can
 * loop for ever on corrupt packet data without reading its input, so neither a stream deadline
 * nor an interrupt stops it; the caller gets a typed error when the limit passes, and the stuck
 * thread (a low-priority daemon, which Java cannot kill) is left to itself. A decoder that
 * fails or runs out of time has met broken pixel data, hence {@link PixelDataException}.
 */
final class Watchdog {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "attest-decoder-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private Watchdog() {
    }

    interface Decode<T> {
        T run() throws Exception;
    }

    static <T> T run(String source, String what, long budgetMillis, Decode<T> work) throws PixelDataException {
        Future<T> future = POOL.submit((Callable<T>) work::run);
        try {
            return future.get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PixelDataException(source, what + " did not finish within " + budgetMillis / 1000
                    + " s; the codestream is probably corrupt");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PixelDataException pe) {
                throw pe;
            }
            throw new PixelDataException(source, what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new PixelDataException(source, what + " was interrupted");
        }
    }
}
