package dev.attest.reports.llm;

import dev.attest.core.progress.Cancellation;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body handed over piece by piece to the thread that reads it, which waits for each
 * piece with a deadline and a cancellation check.
 *
 * <p>Why not the InputStream body handler: a read blocked on it cannot be given a time limit, and
 * closing the stream from a watchdog thread is not documented to wake the reader. Here the reader
 * polls a queue, so an idle deadline and a cancel are noticed within {@link #POLL_MILLIS}, and
 * giving up cancels the subscription, which closes the connection. One piece is requested at a
 * time, so a fast server cannot fill memory ahead of the reader.
 */
final class StreamBody implements Flow.Subscriber<List<ByteBuffer>> {

    /** How often a waiting reader looks at its cancellation. */
    static final long POLL_MILLIS = 20;

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean finished;

    /** What the reader is waiting for ran out of time. */
    static final class IdleException extends Exception {
        IdleException() {
            super("no data before the deadline");
        }
    }

    /** The reader's cancellation was cancelled while it waited. */
    static final class StopException extends Exception {
        StopException() {
            super("cancelled");
        }
    }

    private sealed interface Item {
    }

    private record Piece(List<ByteBuffer> buffers) implements Item {
    }

    private record Failed(Throwable error) implements Item {
    }

    private record End() implements Item {
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        queue.add(new Piece(buffers));
    }

    @Override
    public void onError(Throwable error) {
        queue.add(new Failed(error));
    }

    @Override
    public void onComplete() {
        queue.add(new End());
    }

    /**
     * Waits for the next piece until {@code deadlineNanos} (a {@link System#nanoTime} value).
     *
     * @return the piece's buffers, or null at the end of the body
     * @throws java.io.IOException if the connection failed
     */
    List<ByteBuffer> next(long deadlineNanos, Cancellation cancellation)
            throws IdleException, StopException, InterruptedException, java.io.IOException {
        if (finished) {
            return null;
        }
        while (true) {
            if (cancellation.isCancelled()) {
                throw new StopException();
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new IdleException();
            }
            Item item = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS);
            if (item == null) {
                continue;
            }
            switch (item) {
                case Piece p -> {
                    subscription.request(1);
                    return p.buffers();
                }
                case End e -> {
                    finished = true;
                    return null;
                }
                case Failed f -> {
                    finished = true;
                    throw f.error() instanceof java.io.IOException io ? io : new java.io.IOException(f.error());
                }
            }
        }
    }

    /** Stops the body early; the client closes the connection. Safe to call at any time, repeatedly. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null && !finished) {
            s.cancel();
        }
    }
}
