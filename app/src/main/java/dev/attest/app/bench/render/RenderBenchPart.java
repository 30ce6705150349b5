package dev.attest.app.bench.render;

import java.util.Map;

/**
 * One part of {@code attest bench render}; a new part (e.g. marching cubes) is one class
 * implementing this, added to {@link RenderBenchmark#DEFAULT_PARTS}.
 */
public interface RenderBenchPart {

    /** The key of this part's figures in the JSON report. */
    String name();

    /** Runs the part on the shared volume and returns its figures (JSON-serialisable values). */
    Map<String, Object> run(RenderBenchContext context) throws Exception;
}
