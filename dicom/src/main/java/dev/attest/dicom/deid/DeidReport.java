package dev.attest.dicom.deid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TagDictionary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What de-identification did across an export, as the exporter writes it to deid.json: the
 * profile, the options (with their codes), how many files were written, left out or failed, and
 * per attribute which actions were applied how often. It holds no original value, no file path,
 * no date offset and no UID map: those stay in the workstation. Thread-safe.
 */
public final class DeidReport {
    private static final String PRIVATE_KEY = "(gggg,eeee)";

    private final DeidOptions options;
    private final boolean perFile;
    private final Map<String, Map<Action, Integer>> byAttribute = new TreeMap<>();
    private final Map<String, String> ruleByAttribute = new TreeMap<>();
    private final Map<Action, Integer> totals = new EnumMap<>(Action.class);
    private final Map<String, Integer> excludedByReason = new TreeMap<>();
    private final List<Map<String, Object>> files = new ArrayList<>();
    private int deidentified;
    private int refused;
    private int failed;
    private int pixelCleaned;
    private int warnings;

    /**
     * @param perFile whether deid.json lists each written file (by its new SOP Instance UID) with
     *                the attributes touched in it, besides the totals
     */
    public DeidReport(DeidOptions options, boolean perFile) {
        this.options = options;
        this.perFile = perFile;
    }

    public synchronized void addDeidentified(DeidFileLog log) {
        deidentified++;
        warnings += log.warnings().size();
        if (log.rectanglesCleaned() > 0) {
            pixelCleaned++;
        }
        Map<String, Integer> fileCounts = new TreeMap<>();
        List<String> touched = new ArrayList<>();
        for (DeidFileLog.Entry e : log.entries()) {
            String key = attributeKey(e.tag());
            byAttribute.computeIfAbsent(key, k -> new EnumMap<>(Action.class)).merge(e.action(), 1, Integer::sum);
            ruleByAttribute.putIfAbsent(key, e.rule());
            totals.merge(e.action(), 1, Integer::sum);
            fileCounts.merge(e.action().name(), 1, Integer::sum);
            if (!touched.contains(key)) {
                touched.add(key);
            }
        }
        if (perFile) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("sopInstanceUid", log.sopInstanceUid());
            f.put("actions", fileCounts);
            f.put("pixelRectanglesBlanked", log.rectanglesCleaned());
            f.put("attributesTouched", touched);
            files.add(f);
        }
    }

    public synchronized void addExcluded(String reason) {
        excludedByReason.merge(reason, 1, Integer::sum);
    }

    public synchronized void addRefused() {
        refused++;
    }

    public synchronized void addFailed() {
        failed++;
    }

    private static String attributeKey(int tag) {
        if (Tag.isPrivate(tag)) {
            return PRIVATE_KEY;
        }
        String keyword = TagDictionary.keyword(tag);
        return Tag.toString(tag) + (keyword.isEmpty() ? "" : " " + keyword);
    }

    /** The report as a JSON-ready tree. */
    public synchronized Map<String, Object> toTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("profile", Map.of("code", Deidentifier.BASIC_PROFILE_CODE, "scheme", "DCM",
                "meaning", Deidentifier.BASIC_PROFILE_MEANING, "standard", "DICOM PS3.15 Annex E, Table E.1-1"));
        List<Map<String, String>> opts = new ArrayList<>();
        for (DeidOption o : options.options()) {
            opts.add(Map.of("option", o.name(), "code", o.code(), "scheme", "DCM", "meaning", o.meaning()));
        }
        root.put("options", opts);
        root.put("uidReplacement", "every instance UID replaced by 2.25.<first 128 bits of HMAC-SHA256 under the project"
                + " secret>, the same in every file; UIDs defined by the standard kept; the map is not exported");
        root.put("dates", options.has(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)
                ? "shifted by a per-patient offset of whole days (not exported); times of day kept"
                : "removed, emptied or replaced by dummy values as the profile says");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("deidentified", deidentified);
        counts.put("excluded", excludedByReason);
        counts.put("refused", refused);
        counts.put("failed", failed);
        counts.put("pixelDataCleaned", pixelCleaned);
        counts.put("warnings", warnings);
        root.put("files", counts);
        Map<String, Integer> total = new LinkedHashMap<>();
        totals.forEach((a, n) -> total.put(a.name(), n));
        root.put("actionCounts", total);
        List<Map<String, Object>> attrs = new ArrayList<>();
        for (Map.Entry<String, Map<Action, Integer>> e : byAttribute.entrySet()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("attribute", e.getKey());
            Map<String, Integer> acts = new LinkedHashMap<>();
            e.getValue().forEach((act, n) -> acts.put(act.name(), n));
            a.put("actions", acts);
            a.put("rule", ruleByAttribute.get(e.getKey()));
            attrs.add(a);
        }
        root.put("attributes", attrs);
        if (perFile) {
            root.put("perFile", List.copyOf(files));
        }
        return root;
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toTree());
        } catch (IOException e) {
            throw new IllegalStateException("a report of maps and numbers always serialises", e);
        }
    }

    /** Writes deid.json atomically. */
    public void write(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".deid-", ".json.part");
        try {
            Files.writeString(tmp, toJson());
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
