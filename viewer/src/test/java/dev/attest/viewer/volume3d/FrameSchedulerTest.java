package dev.attest.viewer.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The 3D view's frame scheduling, driven as a drag drives it but on one thread: the render
 * "thread" and the display run what they are given when the test says so, and the settle timer
 * fires when the test says the mouse has stopped.
 */
class FrameSchedulerTest {
    private static final Volume PHANTOM = CtPhantom.generate(48, 40, 36, 5, 5, 20, 5).ct();
    /** Odd sizes, so the reduced frame's ⌈size / 4⌉ rounds up. */
    private static final int W = 241;
    private static final int H = 199;

    private final RayCaster caster = new RayCaster(PHANTOM);
    private final RenderSettings settings = caster.defaultSettings(RenderMode.COMPOSITE, TransferPreset.CT_BONE);
    private final List<Rendering> shown = new ArrayList<>();
    private final Queue<Runnable> renderThread = new ArrayDeque<>();
    private boolean timerRunning;
    private int timerRestarts;

    private final FrameScheduler scheduler = new FrameScheduler(renderThread::add, Runnable::run,
            new FrameScheduler.SettleTimer() {
                @Override
                public void restart() {
                    timerRunning = true;
                    timerRestarts++;
                }

                @Override
                public void stop() {
                    timerRunning = false;
                }
            }, shown::add, e -> {
                throw new AssertionError(e);
            });

    private void runRenderThread() {
        while (!renderThread.isEmpty()) {
            renderThread.poll().run();
        }
    }

    private FrameScheduler.State at(double azimuth, double elevation) {
        return new FrameScheduler.State(caster, new OrbitCamera(azimuth, elevation, 1.2, 0, 0), settings, W, H);
    }

    private Rendering expected(OrbitCamera camera, int reduction) {
        return caster.render(camera, settings, W, H, reduction, new Cancellation());
    }

    @Test
    void duringADragFramesAreQuarterResolutionAndWhenTheMouseStopsAFullFrameOfTheViewSizeReplacesThem() {
        // Each drag event asks for a frame and the render thread keeps up.
        for (int step = 0; step < 3; step++) {
            scheduler.request(at(-5 * step, 2 * step), true);
            runRenderThread();
            Rendering f = shown.get(shown.size() - 1);
            assertEquals(FrameScheduler.INTERACTIVE_REDUCTION, f.reduction());
            assertEquals(61, f.width(), "ceil(241 / 4)");
            assertEquals(50, f.height(), "ceil(199 / 4)");
            assertEquals(at(-5 * step, 2 * step).camera(), f.camera());
            assertArrayEquals(expected(f.camera(), 4).argb(), f.argb());
            assertTrue(timerRunning, "each move restarts the settle timer");
        }
        assertEquals(3, shown.size());
        assertEquals(3, timerRestarts);

        assertFalse(scheduler.showsLatestAtFullResolution(), "only a reduced frame is shown");

        // The mouse stops: the timer runs out and the full frame of the last camera follows.
        scheduler.settled();
        assertFalse(timerRunning);
        assertFalse(scheduler.showsLatestAtFullResolution(), "the full frame is asked for, not shown yet");
        runRenderThread();
        assertTrue(scheduler.showsLatestAtFullResolution());
        assertEquals(4, shown.size());
        Rendering full = shown.get(3);
        assertEquals(1, full.reduction());
        assertEquals(W, full.width());
        assertEquals(H, full.height());
        assertEquals(at(-10, 4).camera(), full.camera());
        assertArrayEquals(expected(full.camera(), 1).argb(), full.argb());
    }

    @Test
    void aFullFrameOfAnOlderStateDoesNotCountAsSettled() {
        assertFalse(scheduler.showsLatestAtFullResolution(), "nothing shown yet");
        scheduler.request(at(10, 0), false);
        runRenderThread();
        assertTrue(scheduler.showsLatestAtFullResolution());
        // A new full request (e.g. another transfer preset) is pending: the full frame on screen is stale.
        scheduler.request(at(10, 0), false);
        assertFalse(scheduler.showsLatestAtFullResolution());
        runRenderThread();
        assertTrue(scheduler.showsLatestAtFullResolution());
        assertEquals(2, shown.size());
    }

    @Test
    void requestsArrivingWhileTheRenderThreadIsBusyReplaceEachOtherAndOnlyTheLatestIsRendered() {
        scheduler.request(at(10, 0), true);
        scheduler.request(at(20, 0), true);
        scheduler.request(at(30, 0), true);
        assertEquals(1, renderThread.size(), "one drain task for the three requests");
        runRenderThread();
        assertEquals(1, shown.size());
        assertEquals(at(30, 0).camera(), shown.get(0).camera());
        assertEquals(4, shown.get(0).reduction());

        // The timer ran out but the mouse moved again before the full frame was rendered: it is not wanted any more.
        scheduler.settled();
        scheduler.request(at(40, 0), true);
        runRenderThread();
        assertEquals(2, shown.size());
        assertEquals(4, shown.get(1).reduction());
        assertEquals(at(40, 0).camera(), shown.get(1).camera());
    }
}
