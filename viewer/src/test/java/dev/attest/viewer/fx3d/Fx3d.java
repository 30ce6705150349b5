package dev.attest.viewer.fx3d;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import org.junit.jupiter.api.Assumptions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Starts JavaFX on a real display for the "scene3d" tests (Monocle has no 3D). Without a display
 * the tests are skipped, unless ATTEST_REQUIRE_3D=1 (set by .ci/run after installing Xvfb), where
 * a missing display or missing 3D support is a failure: CI must never pass by skipping them.
 */
public final class Fx3d {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Fx3d() {
    }

    public static void start() {
        boolean required = "1".equals(System.getenv("ATTEST_REQUIRE_3D"));
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            if (required) {
                fail("ATTEST_REQUIRE_3D=1 but no DISPLAY: run the tests under xvfb-run (./run-tests does)");
            }
            Assumptions.abort("no DISPLAY: 3D scene tests need an X display (./run-tests uses xvfb-run)");
        }
        if (STARTED.compareAndSet(false, true)) {
            Platform.setImplicitExit(false);
            Platform.startup(() -> { });
        }
        boolean supported = Platform.isSupported(ConditionalFeature.SCENE3D);
        if (required) {
            assertTrue(supported, "JavaFX reports no 3D support (is prism.forceGPU=true set?)");
        }
        Assumptions.assumeTrue(supported, "JavaFX reports no 3D support on this display");
    }

    /** Runs the supplier on the FX thread and waits for its result. */
    public static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX work failed: " + e, e);
        }
    }
}
