package dev.attest.app.gui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/** For the screenshot mains (not tests): work on the FX thread from main, and waiting for the window to settle. */
final class ScreenshotSteps {
    private ScreenshotSteps() {
    }

    /** Runs c on the FX thread and returns its result. */
    static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get();
    }

    /** Polls condition on the FX thread every 200 ms until it holds, for at most timeoutMillis. */
    static void waitFor(Callable<Boolean> condition, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!fx(condition)) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }
}
