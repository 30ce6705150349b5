package dev.attest.viewer.volume3d;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Decides which ray-cast frames a 3D view renders, without any UI: while the camera moves,
 * frames at 1/{@value #INTERACTIVE_REDUCTION} resolution, one at a time, a request arriving
 * meanwhile replacing the one waiting; once the settle timer fires (the camera has been still), a
 * full-resolution frame of the latest state. A full frame in flight is cancelled by any newer
 * request, and a result older than the frame already shown is dropped.
 *
 * <p>The view supplies the render thread, the thread results are shown on, and the settle timer
 * (restarted by every interactive request, calling {@link #settled()} when it runs out), so the
 * same logic runs under JavaFX and, synchronously, in tests. Requests and {@link #settled()} come
 * from one thread (the view's).
 */
public final class FrameScheduler {
    public static final int INTERACTIVE_REDUCTION = 4;

    /** A timer the scheduler restarts on each interactive request; when it runs out the view calls {@link #settled()}. */
    public interface SettleTimer {
        void restart();

        void stop();
    }

    /** What a frame shows: the caster, camera and settings and the full-resolution size of the view. */
    public record State(RayCaster caster, OrbitCamera camera, RenderSettings settings, int width, int height) {
        public State {
            Objects.requireNonNull(caster, "caster");
            Objects.requireNonNull(camera, "camera");
            Objects.requireNonNull(settings, "settings");
        }
    }

    private record Request(long generation, State state, int reduction, Cancellation cancellation) {
    }

    private final Executor worker;
    private final Executor display;
    private final SettleTimer timer;
    private final Consumer<Rendering> show;
    private final Consumer<Throwable> onError;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** The in-flight full-resolution render, cancelled when the camera moves again. */
    private final AtomicReference<Cancellation> fullInFlight = new AtomicReference<>();
    private long generation;
    private long shownGeneration = -1;
    private int shownReduction;
    private State last;

    /**
     * @param worker  runs the renders, one at a time (a single thread)
     * @param display where results are handed to {@code show} (the UI thread)
     * @param show    shows a frame; only frames newer than the one shown reach it
     */
    public FrameScheduler(Executor worker, Executor display, SettleTimer timer, Consumer<Rendering> show,
            Consumer<Throwable> onError) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.display = Objects.requireNonNull(display, "display");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.show = Objects.requireNonNull(show, "show");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** Asks for a frame of state: reduced and restarting the settle timer when interactive, else full at once. */
    public void request(State state, boolean interactive) {
        last = Objects.requireNonNull(state, "state");
        Cancellation previousFull = fullInFlight.get();
        if (previousFull != null) {
            // A full frame of an older state is of no use any more.
            previousFull.cancel();
        }
        if (interactive) {
            timer.restart();
        } else {
            timer.stop();
        }
        pending.set(new Request(++generation, state, interactive ? INTERACTIVE_REDUCTION : 1, new Cancellation()));
        if (draining.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** The camera has been still: renders the latest state at full resolution. */
    public void settled() {
        if (last != null) {
            request(last, false);
        }
    }

    /**
     * Whether the view has settled: the newest request's frame is shown at full resolution, so
     * nothing newer is being rendered and no full frame is still to come (for screenshots and
     * scripts that must wait for the finished picture). False before any frame.
     */
    public boolean showsLatestAtFullResolution() {
        return generation > 0 && shownGeneration == generation && shownReduction == 1;
    }

    /** Cancels a full frame in flight and stops the timer (the view is going away). */
    public void stop() {
        timer.stop();
        Cancellation c = fullInFlight.get();
        if (c != null) {
            c.cancel();
        }
    }

    /** Renders the latest pending request until none is left; runs on the render thread. */
    private void drain() {
        while (true) {
            Request r = pending.getAndSet(null);
            if (r == null) {
                draining.set(false);
                // A request may have arrived between the getAndSet and the set.
                if (pending.get() == null || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (r.reduction() == 1) {
                fullInFlight.set(r.cancellation());
            }
            try {
                State s = r.state();
                Rendering result = s.caster().render(s.camera(), s.settings(), s.width(), s.height(), r.reduction(),
                        r.cancellation());
                display.execute(() -> deliver(r.generation(), result));
            } catch (CancelledException e) {
                // Superseded by a newer request: nothing to show.
            } catch (RuntimeException e) {
                display.execute(() -> onError.accept(e));
            } finally {
                fullInFlight.compareAndSet(r.cancellation(), null);
            }
        }
    }

    private void deliver(long gen, Rendering result) {
        if (gen <= shownGeneration) {
            return;
        }
        shownGeneration = gen;
        shownReduction = result.reduction();
        show.accept(result);
    }
}
