package dev.attest.inference.registry;

import dev.attest.core.io.Sha256;
import dev.attest.inference.manifest.GroundingContract;
import dev.attest.inference.manifest.ModelFile;
import dev.attest.inference.manifest.ModelManifest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a manifest must hold before the registry lists it as usable: a safe id, a format, and every
 * file named by a plain relative path (no way out of the model folder) with a 64-digit sha256, and
 * for a GROUNDING model a usable {@link GroundingContract}.
 */
public final class ManifestChecks {
    /** Ids become folder names and appear in provenance records: keep them short and plain. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private ManifestChecks() {
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The first problem found, in words, or null when the manifest is usable. */
    public static String problem(ModelManifest m) {
        if (!isValidId(m.id())) {
            return "id '" + m.id() + "' must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit";
        }
        if (m.format() == null) {
            return "no format (torchscript, onnx or tfjs_meshnet)";
        }
        if (m.weights() == null || m.weights().isBlank()) {
            return "no weights file";
        }
        for (ModelFile f : m.allFiles()) {
            String p = pathProblem(f.path());
            if (p != null) {
                return p;
            }
            if (f.sha256() == null) {
                return "no sha256 for " + f.path();
            }
            if (!Sha256.isHex(f.sha256().toLowerCase(java.util.Locale.ROOT))) {
                return "sha256 of " + f.path() + " is not 64 hexadecimal digits: " + f.sha256();
            }
        }
        return GroundingContract.problem(m);
    }

    /** Why a manifest file path is unusable, or null. */
    static String pathProblem(String path) {
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            return "file path '" + path + "' is not valid: " + e.getReason();
        }
        if (p.isAbsolute() || path.contains("\\") || !p.normalize().equals(p) || p.startsWith("..")) {
            return "file path '" + path + "' must be relative to the model folder, without '..'";
        }
        return null;
    }
}
