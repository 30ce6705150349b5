package dev.attest.inference.engine;

/** What runs a model, for the status panel and the provenance record. */
public record EngineInfo(String engine, String version, String device, int threads) {

    @Override
    public String toString() {
        return engine + " " + version + " on " + device + " (" + threads + " threads)";
    }
}
