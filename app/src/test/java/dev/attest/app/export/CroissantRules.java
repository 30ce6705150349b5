package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.io.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A structural checker for croissant.json: the checks mlcroissant, the MLCommons reference implementation, makes
 * when it loads a Croissant 1.1 dataset, and the Croissant 1.1 / RAI 1.0 requirements it leaves unchecked. It
 * exists because mlcroissant (Python, with rdflib and pandas) cannot run in this build: no network, no install.
 *
 * <p>Sources, all in the public repository mlcommons/croissant: the spec docs/croissant-spec-1.1.md (1.1 release
 * candidate, 2025-12-10, with its Appendix 1 context) and docs/croissant-rai-spec.md (RAI 1.0); mlcroissant under
 * python/mlcroissant/mlcroissant/_src/, cited below by path from there. ERROR means mlcroissant refuses the file
 * (or fails reading its records), or a spec MUST is broken; WARNING means mlcroissant warns or the spec recommends.
 * The JSON-LD is not expanded by a JSON-LD processor here: CURIEs and terms are resolved against the document's own
 * prefixes, which is what decides whether mlcroissant finds a term.
 */
final class CroissantRules {

    /** How bad a finding is. */
    enum Severity { ERROR, WARNING }

    /**
     * One broken rule.
     *
     * @param severity ERROR or WARNING
     * @param rule     the rule's short name
     * @param where    the node it concerns ("dataset", "distribution[claims.jsonl]", "recordSet[claims]/field[...]")
     * @param message  what is wrong and why it matters, in words
     */
    record Finding(Severity severity, String rule, String where, String message) {
        @Override
        public String toString() {
            return severity + " " + rule + " at " + where + ": " + message;
        }
    }

    static final String SCHEMA_ORG = "https://schema.org/";
    static final String CR = "http://mlcommons.org/croissant/";
    static final String RAI = "http://mlcommons.org/croissant/RAI/";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String CROISSANT_1_1 = "http://mlcommons.org/croissant/1.1";
    static final String RAI_1_0 = "http://mlcommons.org/croissant/RAI/1.0";

    /** Terms the context must map to cr:term: 1.1 Appendix 1, plus path/repeated/replace of core/rdf.py make_context. */
    private static final List<String> CR_TERMS = List.of("annotation", "arrayShape", "citeAs", "column", "containedIn",
            "equivalentProperty", "excludes", "extract", "field", "fileProperty", "fileObject", "fileSet", "format",
            "includes", "isArray", "isLiveDataset", "jsonPath", "key", "md5", "parentField", "path", "recordSet",
            "references", "regex", "readLines", "repeated", "replace", "sdVersion", "separator", "source", "subField",
            "transform", "unArchive", "value");

    /** The keys of mlcroissant's standard context (core/rdf.py make_context); a context lacking one is "not standard". */
    private static final List<String> MLCROISSANT_CONTEXT_KEYS = List.of("@language", "@vocab", "citeAs", "column",
            "conformsTo", "cr", "rai", "data", "dataType", "dct", "examples", "extract", "field", "fileProperty",
            "fileObject", "fileSet", "format", "includes", "isLiveDataset", "jsonPath", "key", "md5", "parentField",
            "path", "recordSet", "references", "regex", "repeated", "replace", "sc", "separator", "source", "subField",
            "transform");

    /**
     * Data types mlcroissant can load a field as: core/data_types.py EXPECTED_DATA_TYPES (Boolean, Date, Float, Integer,
     * Text, URL) and the semantic types structure_graph/nodes/field.py data_type accepts (ImageObject, AudioObject,
     * BoundingBox). Anything else is "The field does not specify a valid dataType".
     */
    private static final Set<String> LOADABLE_DATA_TYPES = Set.of(SCHEMA_ORG + "Boolean", SCHEMA_ORG + "Date",
            SCHEMA_ORG + "Float", SCHEMA_ORG + "Integer", SCHEMA_ORG + "Text", SCHEMA_ORG + "URL",
            SCHEMA_ORG + "ImageObject", SCHEMA_ORG + "AudioObject", CR + "BoundingBox");

    /** encodingFormats operation_graph/operations/read.py turns into a table a field can read from. */
    private static final Set<String> READABLE_FORMATS = Set.of("text/csv", "text/tsv", "text/tab-separated-values",
            "application/json", "application/jsonlines", "application/x-parquet", "text/plain");
    private static final String JSON_LINES = "application/jsonlines";

    /** source.py FileProperty. */
    private static final Set<String> FILE_PROPERTIES = Set.of("content", "filename", "filepath", "fullpath", "lines",
            "lineNumbers");

    /**
     * The RAI 1.0 vocabulary (docs/croissant-rai-spec.md property table; core/constants.py RAI attributes, which spell
     * two of them differently), each with whether it takes one value. A property is ONE here when either the spec or
     * mlcroissant (structure_graph/nodes/metadata.py cardinality) says ONE.
     */
    private static final Map<String, Boolean> RAI_PROPERTIES = raiProperties();

    private static Map<String, Boolean> raiProperties() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String one : List.of("dataCollection", "dataCollectionMissingData", "dataCollectionRawData",
                "dataImputationProtocol", "dataManipulationProtocol", "dataDataManipulationProtocol",
                "dataAnnotationProtocol", "dataSocialImpact", "annotationsPerItem", "dataReleaseMaintenancePlan")) {
            m.put(one, true);
        }
        for (String many : List.of("dataCollectionType", "dataCollectionTimeframe", "dataCollectionTimeFrame",
                "dataPreprocessingProtocol", "dataAnnotationPlatform", "dataAnnotationAnalysis",
                "personalSensitiveInformation", "dataBiases", "dataLimitations", "dataUseCases",
                "annotatorDemographics", "machineAnnotationTools")) {
            m.put(many, false);
        }
        return m;
    }

    private static final Pattern SEMVER = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BASE64_SHA256 = Pattern.compile("[A-Za-z0-9+/]{43}=");
    private static final Pattern WHITESPACE = Pattern.compile(".*\\s.*", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final Path folder;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private String vocab = "";
    /** distribution @id → its node; field @id → its record set's @id. */
    private final Map<String, JsonNode> resources = new LinkedHashMap<>();
    private final Map<String, String> fieldRecordSet = new LinkedHashMap<>();

    private CroissantRules(JsonNode doc, Path folder) {
        this.doc = doc;
        this.folder = folder;
    }

    /** The rules that need only the document. */
    static List<Finding> check(JsonNode doc) {
        return new CroissantRules(doc, null).run();
    }

    /** The document's rules, and those that read the files it lists from the set folder beside it. */
    static List<Finding> check(JsonNode doc, Path folder) {
        return new CroissantRules(doc, folder).run();
    }

    private List<Finding> run() {
        context();
        dataset();
        rai();
        distribution();
        ids();
        recordSets();
        return List.copyOf(findings);
    }

    private void error(String rule, String where, String message) {
        findings.add(new Finding(Severity.ERROR, rule, where, message));
    }

    private void warning(String rule, String where, String message) {
        findings.add(new Finding(Severity.WARNING, rule, where, message));
    }

    // ---- @context ------------------------------------------------------------------------------------------------

    private void context() {
        JsonNode c = doc.get("@context");
        if (c == null || !c.isObject()) {
            // core/rdf.py get_context: "@context should be a dictionary".
            error("context", "@context", "@context must be a JSON object; mlcroissant refuses any other @context");
            return;
        }
        c.properties().forEach(e -> {
            if (e.getValue().isTextual() && e.getValue().asText().matches("https?://.*[/#]")) {
                prefixes.put(e.getKey(), e.getValue().asText());
            }
        });
        vocab = c.path("@vocab").asText("");
        // mlcroissant compares schema.org terms with rdflib's SDO namespace, https://schema.org/ (core/constants.py),
        // and json_ld.py expands the document with its own context: an http binding hides every schema.org term.
        for (String key : List.of("@vocab", "sc")) {
            String v = c.path(key).asText(null);
            if (!SCHEMA_ORG.equals(v)) {
                error("context-schema-org", "@context", key + " is " + (v == null ? "missing" : "'" + v + "'")
                        + "; mlcroissant knows schema.org only as " + SCHEMA_ORG + " (core/constants.py, rdflib SDO),"
                        + " so sc:Dataset, name, distribution and sc:Text would expand to IRIs it never looks up");
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("cr", CR);
        expected.put("rai", RAI);
        expected.put("dct", DCT);
        expected.put("conformsTo", "dct:conformsTo");
        CR_TERMS.forEach(t -> expected.put(t, "cr:" + t));
        expected.forEach((key, value) -> {
            JsonNode v = c.get(key);
            if (v != null && !value.equals(v.asText(null))) {
                error("context-term", "@context", key + " maps to " + v + ", Croissant 1.1 (Appendix 1) maps it to '"
                        + value + "'; mlcroissant would read " + key + " as another property");
            }
        });
        // 1.1 Appendix 1: data and examples hold raw JSON, dataType values are vocabulary terms (sc:Text, not a string).
        for (String[] typed : List.of(new String[]{"data", "cr:data", "@json"}, new String[]{"examples", "cr:examples",
                "@json"}, new String[]{"dataType", "cr:dataType", "@vocab"})) {
            JsonNode v = c.get(typed[0]);
            if (v != null && !(typed[1].equals(v.path("@id").asText(null)) && typed[2].equals(v.path("@type").asText(null)))) {
                error("context-term", "@context", typed[0] + " is " + v + ", Croissant 1.1 (Appendix 1) defines it as"
                        + " {\"@id\": \"" + typed[1] + "\", \"@type\": \"" + typed[2] + "\"}");
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String key : MLCROISSANT_CONTEXT_KEYS) {
            if (!c.has(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            // core/rdf.py Rdf.from_json logs "The JSON-LD @context is not standard" with the missing keys.
            warning("context-standard", "@context", "lacks " + missing + " of mlcroissant's standard context"
                    + " (core/rdf.py make_context); mlcroissant reports the @context as not standard");
        }
    }

    /** A compact IRI, term or IRI as the document's own context expands it (prefix, else @vocab). */
    private String expand(String value) {
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return value;
        }
        int colon = value.indexOf(':');
        if (colon > 0) {
            String prefix = prefixes.get(value.substring(0, colon));
            return prefix == null ? value : prefix + value.substring(colon + 1);
        }
        return vocab + value;
    }

    private boolean hasType(JsonNode node, String iri) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return false;
        }
        for (JsonNode v : t.isArray() ? t : List.of(t)) {
            if (v.isTextual() && expand(v.asText()).equals(iri)) {
                return true;
            }
        }
        return false;
    }

    // ---- the dataset -------------------------------------------------------------------------------------------

    private void dataset() {
        if (!hasType(doc, SCHEMA_ORG + "Dataset")) {
            // core/json_ld.py expand_jsonld: "The current JSON-LD doesn't extend https://schema.org/Dataset."
            error("dataset-type", "dataset", "@type " + doc.get("@type") + " does not expand to " + SCHEMA_ORG
                    + "Dataset; mlcroissant finds no dataset node and stops");
        }
        List<String> conformsTo = texts(doc.get("conformsTo"));
        if (conformsTo.isEmpty()) {
            // core/context.py CroissantVersion.from_jsonld: no conformsTo means Croissant 0.8, whose namespace
            // (mlcommons.org/schema/) none of the cr: terms here belong to.
            error("conforms-to", "dataset", "conformsTo is missing; the 1.1 spec requires " + CROISSANT_1_1
                    + " and mlcroissant reads a file without it as Croissant 0.8");
        } else if (!conformsTo.contains(CROISSANT_1_1)) {
            // core/context.py: at least one value must be a known CroissantVersion (context_test.py).
            error("conforms-to", "dataset", "conformsTo " + conformsTo + " does not name " + CROISSANT_1_1);
        }
        boolean usesRai = false;
        for (var it = doc.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            int colon = key.indexOf(':');
            if (colon > 0 && !key.startsWith("@") && !key.matches("https?:.*")
                    && !prefixes.containsKey(key.substring(0, colon))) {
                // JSON-LD reads "x:y" with an undefined prefix x as an IRI of scheme x, so the property is lost.
                error("context-prefix", "dataset", key + " uses prefix '" + key.substring(0, colon)
                        + "', which @context does not define");
            }
            usesRai |= expand(key).startsWith(RAI);
        }
        if (usesRai && !conformsTo.contains(RAI_1_0)) {
            // docs/croissant-rai-spec.md, Prerequisites: datasets using RAI "must declare" dct:conformsTo RAI/1.0.
            error("rai-conforms-to", "dataset", "rai: properties are used but conformsTo does not name " + RAI_1_0);
        }
        if (doc.path("name").asText("").isBlank()) {
            // Spec 1.1 Required table; structure_graph/nodes/metadata.py (mandatory name up to 1.0).
            error("dataset-name", "dataset", "name is missing");
        }
        // description, license, url, creator and datePublished are in the 1.1 "Required" table; mlcroissant itself
        // only warns about citeAs, datePublished, license and version (metadata.py assert_has_optional_properties).
        for (String p : List.of("description", "license", "url", "creator", "datePublished", "citeAs", "version")) {
            JsonNode v = doc.get(p);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                warning("dataset-recommended", "dataset", p + " is missing"
                        + (p.equals("url") ? "; the 1.1 Required table lists it, mlcroissant does not check it" : ""));
            }
        }
        JsonNode version = doc.get("version");
        if (version != null && version.isTextual() && !SEMVER.matcher(version.asText()).matches()) {
            // core/versions.py cast_version: "Version doesn't follow MAJOR.MINOR.PATCH" (a warning).
            warning("version", "dataset", "version '" + version.asText() + "' is not MAJOR.MINOR.PATCH");
        }
        JsonNode date = doc.get("datePublished");
        if (date != null && !isIsoDate(date.asText())) {
            // Spec: Date or DateTime; base_node.py _cast_fields turns a failed cast_date into an error.
            error("date-published", "dataset", "datePublished '" + date.asText() + "' is not an ISO 8601 date or"
                    + " date-time");
        }
        JsonNode license = doc.get("license");
        if (license != null) {
            for (JsonNode l : license.isArray() ? license : List.of(license)) {
                if (!l.isTextual() && !(l.isObject() && hasType(l, SCHEMA_ORG + "CreativeWork"))) {
                    // metadata.py validate_license: "License should be a list of str or CreativeWork".
                    error("license", "dataset", "license " + l + " is neither text (a URL) nor an object whose @type"
                            + " expands to " + SCHEMA_ORG + "CreativeWork");
                }
            }
        }
    }

    private static boolean isIsoDate(String s) {
        for (var parser : List.<java.util.function.Function<String, Object>>of(LocalDate::parse, LocalDateTime::parse,
                OffsetDateTime::parse)) {
            try {
                parser.apply(s);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            if (e.isTextual()) {
                out.add(e.asText());
            } else if (e.has("@id")) {
                out.add(e.get("@id").asText());
            }
        }
        return out;
    }

    // ---- RAI ---------------------------------------------------------------------------------------------------

    private void rai() {
        doc.properties().forEach(e -> {
            String iri = expand(e.getKey());
            if (!iri.startsWith(RAI)) {
                return;
            }
            String name = iri.substring(RAI.length());
            Boolean one = RAI_PROPERTIES.get(name);
            if (one == null) {
                warning("rai-property", "dataset", e.getKey() + " is not in the RAI 1.0 vocabulary; mlcroissant"
                        + " ignores it (core/constants.py)");
                return;
            }
            JsonNode v = e.getValue();
            List<JsonNode> values = new ArrayList<>();
            (v.isArray() ? v : List.of(v)).forEach(values::add);
            if (values.stream().anyMatch(x -> !x.isTextual())) {
                // RAI spec: every property is sc:Text (or DateTime for the timeframe); metadata.py input_types=[SDO.Text].
                error("rai-property", "dataset", e.getKey() + " must be text or a list of text, got " + v);
            } else if (one && values.size() > 1) {
                // base_node.py from_jsonld: "has cardinality `ONE`, but got a list" (a warning; the first value wins).
                warning("rai-property", "dataset", e.getKey() + " takes one value, got " + values.size());
            }
        });
    }

    // ---- distribution ------------------------------------------------------------------------------------------

    private void distribution() {
        JsonNode dist = doc.get("distribution");
        if (dist == null || !dist.isArray() || dist.isEmpty()) {
            // Spec 1.1, Modified and Added Properties: Croissant makes distribution required.
            error("distribution", "dataset", "distribution is missing or empty");
            return;
        }
        boolean live = doc.path("isLiveDataset").asBoolean(false);
        int i = 0;
        for (JsonNode f : dist) {
            String id = f.path("@id").asText("");
            String where = "distribution[" + (id.isEmpty() ? "#" + i : id) + "]";
            i++;
            boolean fileObject = hasType(f, CR + "FileObject");
            if (!fileObject && !hasType(f, CR + "FileSet")) {
                // metadata.py _distribution_from_jsonld: should have "@type": cr:FileObject or cr:FileSet.
                error("distribution-type", where, "@type " + f.get("@type") + " is neither cr:FileObject nor cr:FileSet");
                continue;
            }
            if (id.isEmpty()) {
                // file_object.py / file_set.py: the @id is mandatory from Croissant 1.0 on (it is the node's uuid).
                error("file-object", where, "@id is missing");
            } else {
                resources.putIfAbsent(id, f);
            }
            if (f.path("encodingFormat").asText("").isBlank()) {
                error("file-object", where, "encodingFormat is missing (mandatory in file_object.py and file_set.py)");
            }
            if (!fileObject) {
                continue;
            }
            if (f.path("name").asText("").isBlank()) {
                // Spec 1.1 FileObject: sc:name ONE; file_object.py made it mandatory up to 1.0.
                error("file-object", where, "name is missing");
            }
            if (f.has("containedIn")) {
                continue;
            }
            String url = f.path("contentUrl").asText("");
            if (url.isBlank()) {
                // file_object.py: contentUrl is mandatory unless the file is containedIn another.
                error("file-object", where, "contentUrl is missing");
            }
            String sha = f.path("sha256").asText(null);
            if (sha == null && !f.has("md5")) {
                if (!live) {
                    // file_object.py: "At least one of these properties should be defined: ['md5', 'sha256']."
                    error("file-checksum", where, "neither sha256 nor md5 is given; mlcroissant requires one for a file"
                            + " of a dataset that is not live");
                }
            } else if (sha != null && !HEX_SHA256.matcher(sha).matches() && !BASE64_SHA256.matcher(sha).matches()) {
                // operations/download.py _check_hash compares with the hex digest, then with its base64.
                error("file-checksum", where, "sha256 '" + sha + "' is neither 64 hex digits nor base64 of 32 bytes");
            } else if (sha != null && folder != null && !url.isBlank() && !url.matches("[a-z]+://.*")) {
                localFile(where, url, sha);
            }
        }
    }

    private void localFile(String where, String url, String sha) {
        Path file = folder.resolve(url).normalize();
        if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
            // operations/download.py get_download_filepath: a relative contentUrl must exist beside the JSON-LD.
            error("file-present", where, "contentUrl '" + url + "' is not a file in " + folder);
            return;
        }
        try {
            String actual = Sha256.of(file);
            if (!actual.equals(sha)) {
                // operations/download.py _check_hash: "Hash of downloaded file ... is not identical".
                error("file-checksum-match", where, "sha256 of " + url + " is " + actual + ", croissant.json says "
                        + sha);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // ---- identifiers -------------------------------------------------------------------------------------------

    private void ids() {
        Map<String, List<String>> defined = new LinkedHashMap<>();
        for (JsonNode f : doc.path("distribution")) {
            define(defined, f, "distribution");
        }
        for (JsonNode r : doc.path("recordSet")) {
            define(defined, r, "recordSet");
            for (JsonNode field : r.path("field")) {
                define(defined, field, "recordSet[" + r.path("@id").asText() + "]/field");
            }
        }
        defined.forEach((id, places) -> {
            if (places.size() > 1) {
                // structure_graph/graph.py _check_no_duplicate: "Duplicate nodes with the same identifier"; JSON-LD
                // would also merge the nodes into one.
                error("id-unique", "@id " + id, "is defined " + places.size() + " times: " + places);
            }
        });
        checkWhitespace(doc, "");
    }

    private static void define(Map<String, List<String>> defined, JsonNode node, String kind) {
        String id = node.path("@id").asText("");
        if (!id.isEmpty()) {
            defined.computeIfAbsent(id, k -> new ArrayList<>()).add(kind + "[" + id + "]");
        }
    }

    private void checkWhitespace(JsonNode node, String path) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("@id") && e.getValue().isTextual() && WHITESPACE.matcher(e.getValue().asText()).matches()) {
                    // core/json_ld.py check_valid_ids: "@id"s with whitespace are refused, even URL-escaped.
                    error("id-whitespace", path.isEmpty() ? "dataset" : path, "@id '" + e.getValue().asText()
                            + "' contains whitespace");
                }
                checkWhitespace(e.getValue(), path + "/" + e.getKey());
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkWhitespace(node.get(i), path + "[" + i + "]");
            }
        }
    }

    // ---- record sets and fields --------------------------------------------------------------------------------

    private void recordSets() {
        for (JsonNode r : doc.path("recordSet")) {
            for (JsonNode f : r.path("field")) {
                fieldRecordSet.putIfAbsent(f.path("@id").asText(""), r.path("@id").asText(""));
            }
        }
        for (JsonNode r : doc.path("recordSet")) {
            recordSet(r);
        }
    }

    private void recordSet(JsonNode r) {
        String id = r.path("@id").asText("");
        String where = "recordSet[" + id + "]";
        if (!hasType(r, CR + "RecordSet")) {
            error("record-set", where, "@type " + r.get("@type") + " is not cr:RecordSet");
        }
        if (id.isEmpty()) {
            // nodes/record_set.py: the @id (uuid) is mandatory from 1.0 on.
            error("record-set", where, "@id is missing");
        }
        if (r.path("name").asText("").isBlank()) {
            // nodes/record_set.py up to 1.0: name mandatory.
            error("record-set", where, "name is missing");
        }
        if (r.path("description").asText("").isBlank()) {
            warning("record-set", where, "description is missing (mlcroissant up to 1.0 warns)");
        }
        Set<String> fieldIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Set<List<String>> joins = new HashSet<>();
        for (JsonNode f : r.path("field")) {
            fieldIds.add(f.path("@id").asText(""));
            String fwhere = where + "/field[" + f.path("@id").asText("") + "]";
            String name = f.path("name").asText("");
            if (!name.isBlank() && !names.add(name)) {
                // Spec 1.1, Field: "Each field has a name, which is its unique identifier within the RecordSet".
                error("field", fwhere, "name '" + name + "' is used by another field of the record set");
            }
            String source = field(f, fwhere, r.has("data"));
            String target = reference(f, fwhere);
            if (source != null) {
                sources.add(source);
                if (target != null) {
                    joins.add(List.of(source, target));
                    joins.add(List.of(target, source));
                }
            }
        }
        JsonNode key = r.get("key");
        if (key != null) {
            for (JsonNode k : key.isArray() ? key : List.of(key)) {
                String kid = k.isTextual() ? k.asText() : k.path("@id").asText("");
                if (!fieldIds.contains(kid)) {
                    // Spec 1.1, RecordSet: key is "one or more fields" of the record set; record_set.py reads its @id.
                    error("record-set-key", where, "key '" + kid + "' is not a field of this record set");
                }
            }
        }
        List<String> list = new ArrayList<>(sources);
        for (int a = 0; a < list.size(); a++) {
            for (int b = a + 1; b < list.size(); b++) {
                if (!joins.contains(List.of(list.get(a), list.get(b)))) {
                    // nodes/record_set.py check_joins_in_fields: sources without a declared join.
                    error("record-set-sources", where, "fields read from both " + list.get(a) + " and " + list.get(b)
                            + " without a references join between them");
                }
            }
        }
    }

    /** Checks one field; returns the parent of its source (the file, or the record set of a source field) or null. */
    private String field(JsonNode f, String where, boolean recordSetHasData) {
        if (!hasType(f, CR + "Field")) {
            error("field", where, "@type " + f.get("@type") + " is not cr:Field");
        }
        if (f.path("@id").asText("").isEmpty()) {
            // nodes/field.py: the @id is mandatory from 1.0 on.
            error("field", where, "@id is missing");
        }
        if (f.path("name").asText("").isBlank()) {
            // Spec 1.1, Field ("Each field has a name"); nodes/field.py made it mandatory up to 1.0.
            error("field", where, "name is missing");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode t : f.has("dataType") ? (f.get("dataType").isArray() ? f.get("dataType") : List.of(f.get("dataType")))
                : List.<JsonNode>of()) {
            types.add(expand(t.asText()));
        }
        boolean sourcedFromField = f.path("source").has("field");
        if (types.stream().noneMatch(LOADABLE_DATA_TYPES::contains) && !sourcedFromField) {
            // nodes/field.py data_type: "The field does not specify a valid dataType, neither does any of its
            // predecessor"; only a field read from another field may inherit one.
            error("field-data-type", where, "dataType " + f.get("dataType") + " expands to " + types + ", none of"
                    + " which mlcroissant can load (" + new TreeSet<>(LOADABLE_DATA_TYPES) + ")");
        }
        JsonNode source = f.get("source");
        if (source == null) {
            if (!recordSetHasData) {
                // structure_graph/graph.py _get_entry_nodes: "is a field and has no source".
                error("field-source", where, "has no source");
            }
            return null;
        }
        String target = dataSource(source, where, "field-source", "source");
        if (target == null) {
            return null;
        }
        JsonNode extract = source.path("extract");
        List<String> ways = new ArrayList<>();
        for (String w : List.of("column", "fileProperty", "jsonPath")) {
            if (extract.has(w)) {
                ways.add(w);
            }
        }
        if (ways.size() > 1) {
            // nodes/source.py Extract: column is exclusive with fileProperty and jsonPath.
            error("field-source", where, "extract names " + ways + "; it takes one of column, fileProperty, jsonPath");
        }
        if (extract.has("fileProperty") && !FILE_PROPERTIES.contains(extract.get("fileProperty").asText())) {
            // nodes/source.py _cast_file_property.
            error("field-source", where, "fileProperty '" + extract.get("fileProperty").asText() + "' is not one of "
                    + new TreeSet<>(FILE_PROPERTIES));
        }
        if (source.has("fileObject")) {
            readable(resources.get(target), extract, where);
        }
        return fieldRecordSet.containsKey(target) ? fieldRecordSet.get(target) : target;
    }

    /**
     * A DataSource naming exactly one existing node: fileObject, fileSet or field (nodes/source.py, exclusive_with;
     * graph.py _add_edge). Returns the @id it names when it resolves, else null.
     */
    private String dataSource(JsonNode source, String where, String rule, String what) {
        List<String> named = new ArrayList<>();
        for (String k : List.of("fileObject", "fileSet", "field")) {
            if (source.has(k)) {
                named.add(k);
            }
        }
        if (named.size() != 1) {
            String hint = named.isEmpty() && source.has("@id") ? "; a bare {\"@id\": \"" + source.get("@id").asText()
                    + "\"} is expanded to the whole target node (core/json_ld.py), which names none: write {\"field\":"
                    + " {\"@id\": \"" + source.get("@id").asText() + "\"}}" : "";
            error(rule, where, what + " must name exactly one of fileObject, fileSet, field; names " + named + hint);
            return null;
        }
        String kind = named.get(0);
        JsonNode ref = source.get(kind);
        String id = ref.isTextual() ? ref.asText() : ref.path("@id").asText("");
        boolean found = switch (kind) {
            case "fileObject" -> resources.containsKey(id) && hasType(resources.get(id), CR + "FileObject");
            case "fileSet" -> resources.containsKey(id) && hasType(resources.get(id), CR + "FileSet");
            default -> fieldRecordSet.containsKey(id);
        };
        if (!found) {
            // structure_graph/graph.py _add_edge: "There is a reference to node named ..., but this node doesn't exist."
            error(rule + "-target", where, what + " names " + kind + " '" + id + "', which is not a "
                    + (kind.equals("field") ? "field" : "cr:" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1))
                    + " of the dataset");
            return null;
        }
        return id;
    }

    /** A field's references: a DataSource naming a field of another record set. Returns that record set, or null. */
    private String reference(JsonNode f, String where) {
        JsonNode ref = f.get("references");
        if (ref == null) {
            return null;
        }
        String target = dataSource(ref, where, "field-references", "references");
        if (target == null) {
            return null;
        }
        if (!ref.has("field")) {
            error("field-references", where, "references names a file; a join references a field of another record set");
            return null;
        }
        return fieldRecordSet.get(target);
    }

    /** Whether mlcroissant can read the file a field's column comes from (operations/read.py, operations/field.py). */
    private void readable(JsonNode file, JsonNode extract, String where) {
        String format = file.path("encodingFormat").asText("");
        if (!READABLE_FORMATS.contains(format)) {
            // operations/read.py: "Unsupported encoding format" / "None of the provided encoding formats ...".
            error("field-source-readable", where, "its file " + file.path("@id").asText() + " is " + format
                    + ", which mlcroissant cannot read records from");
            return;
        }
        if (!format.equals(JSON_LINES)) {
            return;
        }
        if (!extract.has("column")) {
            // operations/read.py reads JSON Lines with pandas.read_json(lines=True): one column per key. A jsonPath
            // is then looked up as a column name and ReadFields fails (operations/field.py).
            error("field-source-readable", where, "reads JSON Lines " + file.path("@id").asText() + " with "
                    + extract + "; mlcroissant reads JSON Lines as a table, so extract must name a column");
            return;
        }
        if (folder != null) {
            columnPresent(file.path("contentUrl").asText(), extract.get("column").asText(), where);
        }
    }

    private void columnPresent(String url, String column, String where) {
        Path file = folder.resolve(url).normalize();
        if (!Files.isRegularFile(file)) {
            return; // reported as file-present
        }
        Set<String> keys = new HashSet<>();
        boolean rows = false;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows = true;
                    JSON.readTree(line).fieldNames().forEachRemaining(keys::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (rows && !keys.contains(column)) {
            // operations/field.py ReadFields: 'Column "..." does not exist.'
            error("field-column-present", where, "column '" + column + "' is in no row of " + url);
        }
    }
}
