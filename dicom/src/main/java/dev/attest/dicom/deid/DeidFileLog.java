package dev.attest.dicom.deid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What de-identification did to one file: an entry per attribute touched (by tag path and action,
 * never by value) and warnings worded without values. Written into deid.json through
 * {@link DeidReport}; the source path is kept for the workstation only.
 */
public final class DeidFileLog {
    /**
     * One attribute touched.
     *
     * @param path   tag path from the top level, e.g. "(0040,A730)>(0040,A123)"
     * @param tag    the attribute's tag
     * @param action what was done
     * @param rule   why: the table column or Attest rule that chose the action
     */
    public record Entry(String path, int tag, Action action, String rule) {
    }

    private final String source;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int rectanglesCleaned;
    private String sopInstanceUid = "";

    public DeidFileLog(String source) {
        this.source = source;
    }

    void record(String path, int tag, Action action, String rule) {
        entries.add(new Entry(path, tag, action, rule));
    }

    void warn(String message) {
        warnings.add(message);
    }

    void pixelsCleaned(int rectangles) {
        rectanglesCleaned = rectangles;
    }

    void sopInstanceUid(String uid) {
        sopInstanceUid = uid;
    }

    /** The input file (workstation only: a path can carry a name or an original UID). */
    public String source() {
        return source;
    }

    /** The de-identified SOP Instance UID, which is safe to export. */
    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Rectangles blanked in the pixels (0 when none were). */
    public int rectanglesCleaned() {
        return rectanglesCleaned;
    }

    /** How many attributes each action touched. */
    public Map<Action, Integer> actionCounts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Entry e : entries) {
            counts.merge(e.action(), 1, Integer::sum);
        }
        return counts;
    }

    /** The action logged for the first entry of a tag path, or null when it was not touched. */
    public Action actionAt(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).map(Entry::action).findFirst().orElse(null);
    }
}
