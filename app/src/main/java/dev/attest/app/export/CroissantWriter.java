package dev.attest.app.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * croissant.json: MLCommons Croissant 1.1 metadata of a set, with the Croissant RAI 1.0 fields, one FileObject
 * (with sha256) for every other file of the set, and one RecordSet per JSONL table whose fields come from the same
 * column definitions as the schema files. Written to load in the reference implementation, mlcroissant, where the
 * spec text and that implementation differ (the schema.org namespace, the shape of a join); see docs/export.md,
 * "Croissant conformance", and the test's CroissantRules for the rules and their sources.
 */
final class CroissantWriter {
    static final String CROISSANT_1_1 = "http://mlcommons.org/croissant/1.1";
    static final String RAI_1_0 = "http://mlcommons.org/croissant/RAI/1.0";
    /** schema.org as mlcroissant names it: rdflib's SDO namespace, which is https. */
    static final String SCHEMA_ORG = "https://schema.org/";

    private CroissantWriter() {
    }

    static void write(Path file, SetFacts facts, List<SetFiles.Entry> files) throws IOException {
        SetJson.writeDocument(file, document(facts, files));
    }

    static ObjectNode document(SetFacts facts, List<SetFiles.Entry> files) {
        ObjectNode d = SetJson.object();
        d.set("@context", context());
        d.put("@type", "sc:Dataset");
        d.put("name", facts.name());
        d.put("description", facts.description());
        d.putArray("conformsTo").add(CROISSANT_1_1).add(RAI_1_0);
        d.put("version", SetFacts.SET_VERSION);
        d.put("datePublished", facts.published().toString());
        // mlcroissant warns when citeAs is missing (structure_graph/nodes/metadata.py, assert_has_optional_properties).
        d.put("citeAs", facts.citation());
        if (facts.license() != null) {
            d.put("license", facts.license());
        } else {
            ObjectNode l = d.putObject("license");
            l.put("@type", "sc:CreativeWork");
            l.put("name", "not specified: ask the publisher before any use");
        }
        ObjectNode creator = d.putObject("creator");
        creator.put("@type", "sc:Organization");
        creator.put("name", facts.creator() != null ? facts.creator() : "not specified");
        if (facts.url() != null) {
            d.put("url", facts.url());
        }
        d.putArray("keywords").add("medical imaging").add("model evaluation").add("evidence grounding")
                .add("reader study").add("benchmark");
        d.put("isLiveDataset", false);
        d.put("inLanguage", "en");

        d.put("rai:dataCollection", facts.dataCollection());
        strings(d.putArray("rai:dataCollectionType"), facts.dataCollectionType());
        strings(d.putArray("rai:dataPreprocessingProtocol"), facts.preprocessing());
        d.put("rai:dataAnnotationProtocol", facts.annotationProtocol());
        d.putArray("rai:dataAnnotationPlatform").add(facts.annotationPlatform());
        d.put("rai:annotationsPerItem", facts.annotationsPerItem());
        d.putArray("rai:annotatorDemographics").add(facts.annotatorDemographics());
        strings(d.putArray("rai:machineAnnotationTools"), facts.machineAnnotationTools());
        strings(d.putArray("rai:dataBiases"), facts.dataBiases());
        strings(d.putArray("rai:dataLimitations"), facts.dataLimitations());
        strings(d.putArray("rai:personalSensitiveInformation"), facts.personalSensitiveInformation());
        strings(d.putArray("rai:dataUseCases"), facts.dataUseCases());
        d.putArray("rai:dataReleaseMaintenancePlan").add(facts.maintenancePlan());

        ArrayNode distribution = d.putArray("distribution");
        for (SetFiles.Entry e : files) {
            ObjectNode f = distribution.addObject();
            f.put("@type", "cr:FileObject");
            f.put("@id", e.path());
            f.put("name", e.path());
            f.put("description", e.description());
            f.put("contentUrl", e.path());
            f.put("contentSize", e.bytes() + " B");
            f.put("encodingFormat", e.format());
            f.put("sha256", e.sha256());
        }
        ArrayNode recordSets = d.putArray("recordSet");
        for (TableSpec t : SetTables.ALL) {
            if (files.stream().anyMatch(e -> e.path().equals(t.file()))) {
                recordSets.add(recordSet(t));
            }
        }
        return d;
    }

    private static ObjectNode recordSet(TableSpec t) {
        ObjectNode r = SetJson.object();
        r.put("@type", "cr:RecordSet");
        r.put("@id", t.name());
        r.put("name", t.name());
        r.put("description", t.description() + " JSON Schema: " + t.schemaFile() + ".");
        ArrayNode key = r.putArray("key");
        t.key().forEach(k -> key.addObject().put("@id", t.name() + "/" + k));
        ArrayNode fields = r.putArray("field");
        for (Column c : t.columns()) {
            ObjectNode f = fields.addObject();
            f.put("@type", "cr:Field");
            f.put("@id", t.name() + "/" + c.name());
            f.put("name", c.name());
            f.put("description", c.description());
            f.put("dataType", c.croissantType());
            ObjectNode source = f.putObject("source");
            source.putObject("fileObject").put("@id", t.file());
            source.putObject("extract").put("column", c.name());
            if (c.references() != null) {
                // A join is a DataSource naming the target field, as in mlcommons/croissant datasets/1.0/titanic.
                // mlcroissant parses references as a Source (structure_graph/nodes/field.py) that must name exactly
                // one of field, fileObject or fileSet (nodes/source.py); a bare {"@id"} is expanded to the whole
                // target field (core/json_ld.py, recursively_populate_jsonld), which names none, and is an error.
                f.putObject("references").putObject("field").put("@id", c.references());
            }
        }
        return r;
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    /**
     * The JSON-LD context of Croissant 1.1 (its Appendix 1, which already names the RAI prefix), with two changes so
     * that mlcroissant reads it. schema.org is bound to https: the 1.1 text writes http://schema.org/, but mlcroissant
     * matches every schema.org term against rdflib's SDO namespace (https; core/constants.py), builds its own context
     * with https (core/rdf.py, make_context), and its 1.1 examples (datasets/1.1/recipes/minimal_multilingual.json)
     * use https; with http the dataset's @type and every schema.org property expand to IRIs it never looks up. And
     * the 1.0 terms path, repeated and replace, which mlcroissant's standard context still has, are kept so that it
     * does not report the context as non-standard (core/rdf.py, Rdf.from_json).
     */
    static ObjectNode context() {
        ObjectNode c = SetJson.object();
        c.put("@language", "en");
        c.put("@vocab", SCHEMA_ORG);
        c.put("sc", SCHEMA_ORG);
        c.put("cr", "http://mlcommons.org/croissant/");
        c.put("rai", "http://mlcommons.org/croissant/RAI/");
        c.put("dct", "http://purl.org/dc/terms/");
        for (String term : List.of("annotation", "arrayShape", "citeAs", "column", "containedIn", "equivalentProperty",
                "excludes", "extract", "field", "fileProperty", "fileObject", "fileSet", "format", "includes", "isArray",
                "isLiveDataset", "jsonPath", "key", "md5", "parentField", "path", "recordSet", "references", "regex",
                "readLines", "repeated", "replace", "sdVersion", "separator", "source", "subField", "transform",
                "unArchive", "value")) {
            c.put(term, "cr:" + term);
        }
        c.put("conformsTo", "dct:conformsTo");
        ObjectNode data = c.putObject("data");
        data.put("@id", "cr:data");
        data.put("@type", "@json");
        ObjectNode dataType = c.putObject("dataType");
        dataType.put("@id", "cr:dataType");
        dataType.put("@type", "@vocab");
        ObjectNode examples = c.putObject("examples");
        examples.put("@id", "cr:examples");
        examples.put("@type", "@json");
        return c;
    }
}
