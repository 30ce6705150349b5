package dev.attest.inference.run;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.EngineUnavailableException;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Finds a manifest's weights (relative to the manifest's folder), checks their sha256 before
 * anything runs them, and loads them as a {@link PatchPredictor} for the manifest's format.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** The weights file of a manifest read from manifestFile. */
    public static Path weights(Path manifestFile, ModelManifest manifest) {
        Path dir = manifestFile.toAbsolutePath().getParent();
        return dir.resolve(manifest.weights()).normalize();
    }

    /** Lower-case hex sha256 of a file. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read weights: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Checks the weights against the manifest's sha256 and loads them on the chosen device. */
    public static PatchPredictor open(Path manifestFile, ModelManifest manifest, DeviceChoice device) {
        Path w = weights(manifestFile, manifest);
        if (!Files.isRegularFile(w)) {
            throw new ModelFileException(w, "weights named by " + manifestFile + " not found");
        }
        String actual = sha256(w);
        if (manifest.sha256() == null || !manifest.sha256().toLowerCase(Locale.ROOT).equals(actual)) {
            throw new ModelFileException(w, "sha256 is " + actual + " but " + manifestFile + " says " + manifest.sha256());
        }
        return switch (manifest.format()) {
            case TORCHSCRIPT -> DjlModelPredictor.load(w, EngineKind.PYTORCH, device);
            case ONNX -> DjlModelPredictor.load(w, EngineKind.ONNXRUNTIME, device);
            // MeshNet (another package) implements PatchPredictor; it is wired in here once it lands.
            case TFJS_MESHNET -> throw new EngineUnavailableException(
                    "TF.js MeshNet weights are not supported by this build: " + w);
        };
    }
}
