package dev.attest.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.inference.engine.DeviceChoice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's engine settings, kept in {@code engine.json} beside the key map: for now the device models
 * run on (auto, cpu or gpu). A missing or unreadable file gives AUTO; an unreadable one is kept aside.
 */
public final class EngineSettings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private DeviceChoice device = DeviceChoice.AUTO;
    private String problem;

    public EngineSettings(Path file) {
        this.file = file;
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode d = root == null ? null : root.get("device");
            if (d == null || !d.isTextual()) {
                throw new IOException("expected {\"device\": \"auto\" | \"cpu\" | \"gpu\"}");
            }
            device = DeviceChoice.parse(d.asText());
        } catch (IOException | IllegalArgumentException e) {
            device = DeviceChoice.AUTO;
            try {
                Path aside = SettingsFiles.keepAside(file);
                problem = file + ": unreadable engine settings (" + e.getMessage() + "); kept as " + aside.getFileName()
                        + ", using auto";
            } catch (IOException moveFailed) {
                problem = file + ": unreadable engine settings (" + e.getMessage() + "), using auto";
            }
        }
    }

    /** The engine settings file in the user's config folder. */
    public static EngineSettings load() {
        return new EngineSettings(UserDirs.config().resolve("engine.json"));
    }

    public DeviceChoice device() {
        return device;
    }

    /** Why the file could not be used, or null. */
    public String problem() {
        return problem;
    }

    /** Sets and saves the device choice atomically. */
    public void setDevice(DeviceChoice choice) throws IOException {
        device = choice;
        ObjectNode root = JSON.createObjectNode();
        root.put("device", choice.name().toLowerCase(java.util.Locale.ROOT));
        SettingsFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
