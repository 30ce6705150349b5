package dev.attest.app.settings;

import dev.attest.inference.engine.DeviceChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The device choice survives a restart; a damaged file falls back to auto and is kept aside. */
class EngineSettingsTest {
    @TempDir
    Path dir;

    @Test
    void savesAndReadsTheDeviceChoice() throws Exception {
        Path file = dir.resolve("engine.json");
        EngineSettings s = new EngineSettings(file);
        assertEquals(DeviceChoice.AUTO, s.device());
        s.setDevice(DeviceChoice.CPU);
        assertEquals("{\n  \"device\" : \"cpu\"\n}\n", Files.readString(file));
        assertEquals(DeviceChoice.CPU, new EngineSettings(file).device());
        assertNull(new EngineSettings(file).problem());
    }

    @Test
    void anUnreadableFileMeansAutoAndIsKeptAside() throws Exception {
        Path file = dir.resolve("engine.json");
        Files.writeString(file, "{\"device\": \"tpu\"}");
        EngineSettings s = new EngineSettings(file);
        assertEquals(DeviceChoice.AUTO, s.device());
        assertEquals(file + ": unreadable engine settings (unknown device 'tpu' (auto, cpu or gpu)); kept as engine.json.broken,"
                + " using auto", s.problem());
        assertEquals("{\"device\": \"tpu\"}", Files.readString(dir.resolve("engine.json.broken")));
    }
}
