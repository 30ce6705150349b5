package dev.attest.app.export;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The identifiers a benchmark set uses instead of the project's: "case-0001", "reader-1" and so on, numbered in
 * the order of the project's ids, so the same project exports the same names every time and an import that adds
 * the records in set order gets ids in the same order (which the metrics' bootstrap and agreement tables rely on).
 */
public final class ExportIds {
    private final Map<Long, String> cases;
    private final Map<Long, String> runs;
    private final Map<Long, String> claims;
    private final Map<Long, String> evidence;
    private final Map<Long, String> readers;
    private final Map<Long, String> missed;
    private final Map<Long, String> corrections;

    private ExportIds(Map<Long, String> cases, Map<Long, String> runs, Map<Long, String> claims,
                      Map<Long, String> evidence, Map<Long, String> readers, Map<Long, String> missed,
                      Map<Long, String> corrections) {
        this.cases = cases;
        this.runs = runs;
        this.claims = claims;
        this.evidence = evidence;
        this.readers = readers;
        this.missed = missed;
        this.corrections = corrections;
    }

    /** Numbers each kind of record by ascending project id. */
    public static ExportIds of(Collection<Long> caseIds, Collection<Long> runIds, Collection<Long> claimIds,
                               Collection<Long> evidenceIds, Collection<Long> reviewerIds, Collection<Long> missedIds,
                               Collection<Long> correctionIds) {
        return new ExportIds(number(caseIds, SetTables.CASE, 4), number(runIds, SetTables.RUN, 4),
                number(claimIds, SetTables.CLAIM, 4), number(evidenceIds, SetTables.EVIDENCE_PREFIX, 4),
                number(reviewerIds, SetTables.READER, 0), number(missedIds, SetTables.MISSED, 4),
                number(correctionIds, SetTables.CORRECTION, 4));
    }

    static ExportIds of(ProjectSnapshot p) {
        return of(p.cases().stream().map(c -> c.id()).toList(), p.runs().stream().map(r -> r.id()).toList(),
                p.claims().stream().map(c -> c.id()).toList(), p.allEvidence().stream().map(e -> e.id()).toList(),
                p.reviewers().stream().map(r -> r.id()).toList(), p.missed().stream().map(m -> m.id()).toList(),
                p.corrections().stream().map(c -> c.id()).toList());
    }

    /** "prefix-0001", ... with at least width digits (reader numbers are not padded: "reader-1"). */
    static Map<Long, String> number(Collection<Long> ids, String prefix, int width) {
        Map<Long, String> out = new LinkedHashMap<>();
        int n = 0;
        for (long id : new TreeSet<>(ids)) {
            out.put(id, label(prefix, ++n, width));
        }
        return out;
    }

    static String label(String prefix, int n, int width) {
        return prefix + "-" + (width == 0 ? Integer.toString(n) : String.format("%0" + width + "d", n));
    }

    public String caseId(long id) {
        return get(cases, id, "case");
    }

    public String runId(Long id) {
        return id == null ? null : get(runs, id, "model run");
    }

    public String claimId(Long id) {
        return id == null ? null : get(claims, id, "claim");
    }

    public String evidenceId(Long id) {
        return id == null ? null : get(evidence, id, "evidence");
    }

    public String missedId(long id) {
        return get(missed, id, "missed finding");
    }

    public String correctionId(long id) {
        return get(corrections, id, "correction");
    }

    public String reader(long reviewerId) {
        return get(readers, reviewerId, "reviewer");
    }

    /** Reviewer pseudonyms by project reviewer id, in id order. */
    public Map<Long, String> readers() {
        return Map.copyOf(readers);
    }

    /** The reader number (1 for reader-1) of a project reviewer id. */
    public int readerNumber(long reviewerId) {
        String r = reader(reviewerId);
        return Integer.parseInt(r.substring(r.indexOf('-') + 1));
    }

    public Optional<String> caseIfKnown(long id) {
        return Optional.ofNullable(cases.get(id));
    }

    private static String get(Map<Long, String> map, long id, String what) {
        String s = map.get(id);
        if (s == null) {
            throw new IllegalStateException("the project's " + what + " " + id + " appeared during the export;"
                    + " export a project nobody is changing");
        }
        return s;
    }
}
