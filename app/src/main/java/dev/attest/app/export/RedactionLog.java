package dev.attest.app.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every redaction of one export and how many texts were looked at, for deid.json and the summary. Thread-safe. */
public final class RedactionLog {
    private final List<Redaction> redactions = new ArrayList<>();
    private long scanned;

    synchronized void scanned() {
        scanned++;
    }

    synchronized void add(Redaction r) {
        redactions.add(r);
    }

    public synchronized long textsScanned() {
        return scanned;
    }

    public synchronized List<Redaction> redactions() {
        return List.copyOf(redactions);
    }

    /** How many identifiers of each kind were taken out, by placeholder. */
    public synchronized Map<String, Integer> byKind() {
        Map<String, Integer> out = new TreeMap<>();
        for (Redaction r : redactions) {
            r.kinds().forEach(k -> out.merge(k, 1, Integer::sum));
        }
        return out;
    }
}
