package dev.attest.inference.registry;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;

import java.nio.file.Path;

/** Turns a verified model folder into a running predictor; one per {@link dev.attest.inference.manifest.WeightFormat}. */
@FunctionalInterface
public interface ModelLoader {

    /** @param folder the folder holding the manifest; the manifest's file paths are relative to it */
    PatchPredictor load(ModelManifest manifest, Path folder, DeviceChoice device);
}
