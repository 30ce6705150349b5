package dev.attest.inference.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Engine start-up and device selection. DJL must not reach for the network: offline is forced here
 * as well as in the launcher and Surefire, so a library caller cannot forget it.
 */
public final class Engines {

    static {
        forceOffline();
    }

    private Engines() {
    }

    /**
     * Sets {@code ai.djl.offline=true} unless the caller chose otherwise; for DJL parts that start without
     * an engine (the Hugging Face tokenizer loads its native library on its own).
     */
    public static void forceOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    public static Engine engine(EngineKind kind) {
        try {
            return Engine.getEngine(kind.djlName());
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(kind.djlName() + " engine could not start: " + e.getMessage(), e);
        }
    }

    /** The device a choice resolves to on this machine; GPU without CUDA is an error, AUTO falls back. */
    public static Device device(DeviceChoice choice, EngineKind kind) {
        Engine engine = engine(kind);
        boolean gpu = engine.getGpuCount() > 0;
        return switch (choice) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (!gpu) {
                    throw new EngineUnavailableException("no CUDA GPU visible to " + kind.djlName());
                }
                yield Device.gpu();
            }
            case AUTO -> gpu ? Device.gpu() : Device.cpu();
        };
    }

    /** Intra-op threads the engine will use: DJL's setting, else all cores. */
    public static int threads() {
        String s = System.getProperty("ai.djl.pytorch.num_threads");
        if (s != null) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException ignored) {
                // fall through to the core count, which is what the engine does too
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public static EngineInfo info(EngineKind kind, Device device) {
        Engine engine = engine(kind);
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), device.toString(), threads());
    }

    /** True when a throwable (or its cause chain) says the GPU ran out of memory. */
    public static boolean isOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("out of memory") || m.contains("cuda_error_out_of_memory")
                    || c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
