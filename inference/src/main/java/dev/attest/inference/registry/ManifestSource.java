package dev.attest.inference.registry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One kind of folder the importer understands (an Attest model folder, a MONAI bundle, a brainchop
 * TF.js model): whether a folder is of this kind, and the manifest it amounts to.
 */
public interface ManifestSource {

    /** A few words for messages, e.g. "MONAI bundle". */
    String kind();

    /** Cheap test on the folder's layout; must not throw for folders of other kinds. */
    boolean accepts(Path dir);

    /** Reads the folder; bad content gets a typed exception naming the file. */
    ImportPlan plan(Path dir) throws IOException;
}
