package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.export.CroissantRules.Finding;
import dev.attest.core.io.Sha256;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * croissant.json of an exported set against {@link CroissantRules}, the rules mlcroissant applies when it loads a
 * Croissant 1.1 dataset (it cannot run here): the export meets every rule, and each rule reports a document that
 * breaks it, by name, node and reason. The broken documents are the exported one with one thing changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CroissantConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    Path set;
    JsonNode croissant;

    @BeforeAll
    void exportOnce(@TempDir Path tmp) throws Exception {
        ScoredProject project = new ScoredProject(tmp);
        set = tmp.resolve("set");
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            SetExporter.export(store, set, ExportOptions.DEFAULT.withDicom(true), ProgressListener.NONE, new Cancellation());
        }
        croissant = JSON.readTree(set.resolve(SetLayout.CROISSANT).toFile());
    }

    /** The exported document with a URL, so the one warning every URL-less export has is out of the way. */
    private ObjectNode published() {
        ObjectNode d = croissant.deepCopy();
        d.put("url", "https://example.org/sets/attest-benchmark-set");
        return d;
    }

    private static ObjectNode fileObject(JsonNode doc, String id) {
        for (JsonNode f : doc.get("distribution")) {
            if (f.get("@id").asText().equals(id)) {
                return (ObjectNode) f;
            }
        }
        throw new AssertionError("no FileObject " + id);
    }

    private static ObjectNode recordSet(JsonNode doc, String id) {
        for (JsonNode r : doc.get("recordSet")) {
            if (r.get("@id").asText().equals(id)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no RecordSet " + id);
    }

    private static ObjectNode field(JsonNode doc, String id) {
        for (JsonNode f : recordSet(doc, id.substring(0, id.indexOf('/'))).get("field")) {
            if (f.get("@id").asText().equals(id)) {
                return (ObjectNode) f;
            }
        }
        throw new AssertionError("no Field " + id);
    }

    /** "SEVERITY rule where" of each finding, in order: what the assertions compare. */
    private static List<String> outcomes(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.rule() + " " + f.where()).toList();
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void exportedSetBreaksNoRuleAndOnlyLacksTheUrlNobodyGaveIt() {
        List<Finding> findings = CroissantRules.check(croissant, set);
        assertEquals(List.of("WARNING dataset-recommended dataset"), outcomes(findings), findings.toString());
        assertEquals("url is missing; the 1.1 Required table lists it, mlcroissant does not check it",
                findings.get(0).message());
        // What the rules ran over: every file but croissant.json, one record set per table, one field per column.
        int columns = SetTables.ALL.stream().mapToInt(t -> t.columns().size()).sum();
        assertEquals(SetTables.ALL.size(), croissant.get("recordSet").size());
        assertEquals(columns, croissant.get("recordSet").findValues("field").stream().mapToInt(JsonNode::size).sum());
        assertTrue(croissant.get("distribution").size() > 16 + SetTables.ALL.size() * 2,
                "the tables, their schemas, the images and the 16 DICOM files: " + croissant.get("distribution").size());
    }

    @Test
    void publishedSetBreaksNoRule() {
        assertEquals(List.of(), CroissantRules.check(published(), set));
    }

    @Test
    void writerWritesAppendixOneContextWithHttpsSchemaOrgFieldJoinsAndACitation() {
        JsonNode c = croissant.get("@context");
        assertEquals("https://schema.org/", c.get("@vocab").asText());
        assertEquals("https://schema.org/", c.get("sc").asText());
        assertEquals("http://mlcommons.org/croissant/", c.get("cr").asText());
        assertEquals("http://mlcommons.org/croissant/RAI/", c.get("rai").asText());
        assertEquals("dct:conformsTo", c.get("conformsTo").asText());
        assertEquals("{\"@id\":\"cr:dataType\",\"@type\":\"@vocab\"}", c.get("dataType").toString());
        assertEquals("{\"field\":{\"@id\":\"cases/case_id\"}}", field(croissant, "claims/case_id").get("references")
                .toString());
        assertEquals("Creator not specified. attest-benchmark-set: Attest benchmark set (layout 1.0.0), exported "
                + croissant.get("datePublished").asText() + ".", croissant.get("citeAs").asText());
    }

    @Test
    void droppedSha256IsAnError() {
        ObjectNode d = published();
        fileObject(d, "claims.jsonl").remove("sha256");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR file-checksum distribution[claims.jsonl]", outcomes(List.of(f)).get(0));
        assertEquals("neither sha256 nor md5 is given; mlcroissant requires one for a file of a dataset that is not"
                + " live", f.message());
    }

    @Test
    void sha256OfOtherBytesIsAnErrorWhenTheFilesAreRead() throws Exception {
        ObjectNode d = published();
        String other = Sha256.of(set.resolve("cases.jsonl"));
        fileObject(d, "claims.jsonl").put("sha256", other);
        assertEquals(List.of(), CroissantRules.check(d), "a well-formed digest passes without the files");
        Finding f = only(CroissantRules.check(d, set));
        assertEquals("ERROR file-checksum-match distribution[claims.jsonl]", outcomes(List.of(f)).get(0));
        assertEquals("sha256 of claims.jsonl is " + Sha256.of(set.resolve("claims.jsonl")) + ", croissant.json says "
                + other, f.message());
    }

    @Test
    void unknownDataTypeIsAnError() {
        ObjectNode d = published();
        field(d, "claims/text").put("dataType", "sc:Textual");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR field-data-type recordSet[claims]/field[claims/text]", outcomes(List.of(f)).get(0));
        assertTrue(f.message().startsWith("dataType \"sc:Textual\" expands to [https://schema.org/Textual], none of"
                + " which mlcroissant can load ([http://mlcommons.org/croissant/BoundingBox,"), f.message());
    }

    @Test
    void sourceNamingAMissingFileObjectIsAnError() {
        ObjectNode d = published();
        ((ObjectNode) field(d, "claims/claim_id").get("source").get("fileObject")).put("@id", "claim.jsonl");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR field-source-target recordSet[claims]/field[claims/claim_id]", outcomes(List.of(f)).get(0));
        assertEquals("source names fileObject 'claim.jsonl', which is not a cr:FileObject of the dataset", f.message());
    }

    @Test
    void fieldsReadFromTwoFilesWithoutAJoinAreAnError() {
        ObjectNode d = published();
        ((ObjectNode) field(d, "claims/text").get("source").get("fileObject")).put("@id", "cases.jsonl");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR record-set-sources recordSet[claims]", outcomes(List.of(f)).get(0));
        assertEquals("fields read from both claims.jsonl and cases.jsonl without a references join between them",
                f.message());
    }

    @Test
    void duplicateIdIsAnError() {
        ObjectNode d = published();
        field(d, "claims/text").put("@id", "claims/claim_id");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR id-unique @id claims/claim_id", outcomes(List.of(f)).get(0));
        assertEquals("is defined 2 times: [recordSet[claims]/field[claims/claim_id],"
                + " recordSet[claims]/field[claims/claim_id]]", f.message());
    }

    @Test
    void idWithWhitespaceIsAnError() {
        ObjectNode d = published();
        recordSet(d, "missed_findings").put("@id", "missed findings");
        Finding f = only(CroissantRules.check(d));
        assertEquals(CroissantRules.Severity.ERROR, f.severity());
        assertEquals("id-whitespace", f.rule());
        assertEquals("@id 'missed findings' contains whitespace", f.message());
    }

    @Test
    void missingConformsToIsAnErrorForCroissantAndForRai() {
        ObjectNode d = published();
        d.remove("conformsTo");
        List<Finding> findings = CroissantRules.check(d);
        assertEquals(List.of("ERROR conforms-to dataset", "ERROR rai-conforms-to dataset"), outcomes(findings));
        assertEquals("conformsTo is missing; the 1.1 spec requires http://mlcommons.org/croissant/1.1 and mlcroissant"
                + " reads a file without it as Croissant 0.8", findings.get(0).message());
    }

    @Test
    void conformingTo10OnlyIsAnError() {
        ObjectNode d = published();
        d.putArray("conformsTo").add("http://mlcommons.org/croissant/1.0").add(CroissantRules.RAI_1_0);
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR conforms-to dataset", outcomes(List.of(f)).get(0));
    }

    /** The writer's context before this check existed: the spec text's http://schema.org/. */
    @Test
    void httpSchemaOrgHidesTheDatasetItsLicenceAndEveryDataType() {
        ObjectNode d = published();
        ((ObjectNode) d.get("@context")).put("@vocab", "http://schema.org/").put("sc", "http://schema.org/");
        List<String> outcomes = outcomes(CroissantRules.check(d));
        int fields = SetTables.ALL.stream().mapToInt(t -> t.columns().size()).sum();
        assertEquals(List.of("ERROR context-schema-org @context", "ERROR context-schema-org @context",
                "ERROR dataset-type dataset", "ERROR license dataset"), outcomes.subList(0, 4));
        assertEquals(fields, outcomes.stream().filter(o -> o.startsWith("ERROR field-data-type ")).count());
        assertEquals(4 + fields, outcomes.size(), outcomes.toString());
    }

    /** The writer's join shape before this check existed. */
    @Test
    void bareIdReferenceIsAnError() {
        ObjectNode d = published();
        field(d, "claims/case_id").putObject("references").put("@id", "cases/case_id");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR field-references recordSet[claims]/field[claims/case_id]", outcomes(List.of(f)).get(0));
        assertTrue(f.message().endsWith("write {\"field\": {\"@id\": \"cases/case_id\"}}"), f.message());
    }

    @Test
    void referenceToAMissingFieldIsAnError() {
        ObjectNode d = published();
        ((ObjectNode) field(d, "claims/case_id").get("references").get("field")).put("@id", "cases/case");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR field-references-target recordSet[claims]/field[claims/case_id]",
                outcomes(List.of(f)).get(0));
        assertEquals("references names field 'cases/case', which is not a field of the dataset", f.message());
    }

    @Test
    void jsonPathIntoJsonLinesIsAnError() {
        ObjectNode d = published();
        ((ObjectNode) field(d, "claims/text").get("source")).putObject("extract").put("jsonPath", "$.text");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR field-source-readable recordSet[claims]/field[claims/text]", outcomes(List.of(f)).get(0));
    }

    @Test
    void columnInNoRowIsAnErrorWhenTheFilesAreRead() {
        ObjectNode d = published();
        ((ObjectNode) field(d, "claims/text").get("source").get("extract")).put("column", "txt");
        assertEquals(List.of(), CroissantRules.check(d));
        Finding f = only(CroissantRules.check(d, set));
        assertEquals("ERROR field-column-present recordSet[claims]/field[claims/text]", outcomes(List.of(f)).get(0));
        assertEquals("column 'txt' is in no row of claims.jsonl", f.message());
    }

    @Test
    void keyOutsideTheRecordSetIsAnError() {
        ObjectNode d = published();
        ((ArrayNode) recordSet(d, "scores").get("key")).addObject().put("@id", "claims/claim_id");
        Finding f = only(CroissantRules.check(d));
        assertEquals("ERROR record-set-key recordSet[scores]", outcomes(List.of(f)).get(0));
    }

    @Test
    void raiPropertiesKeepTheirVocabularyAndCardinality() {
        ObjectNode d = published();
        d.putArray("rai:dataCollection").add("first account").add("second account");
        d.put("rai:dataLimitation", "a misspelt rai:dataLimitations");
        List<Finding> findings = CroissantRules.check(d);
        assertEquals(List.of("WARNING rai-property dataset", "WARNING rai-property dataset"), outcomes(findings));
        assertEquals("rai:dataCollection takes one value, got 2", findings.get(0).message());
        assertEquals("rai:dataLimitation is not in the RAI 1.0 vocabulary; mlcroissant ignores it"
                + " (core/constants.py)", findings.get(1).message());
    }

    @Test
    void contextTermsAreCheckedAgainstAppendixOneAndMlcroissant() {
        ObjectNode d = published();
        ObjectNode c = (ObjectNode) d.get("@context");
        c.put("md5", "sc:md5");
        c.remove("path");
        List<Finding> findings = CroissantRules.check(d);
        assertEquals(List.of("ERROR context-term @context", "WARNING context-standard @context"), outcomes(findings));
        assertEquals("md5 maps to \"sc:md5\", Croissant 1.1 (Appendix 1) maps it to 'cr:md5'; mlcroissant would read"
                + " md5 as another property", findings.get(0).message());
        assertTrue(findings.get(1).message().startsWith("lacks [path] of mlcroissant's standard context"));
    }

    @Test
    void raiPrefixMissingFromTheContextLosesEveryRaiProperty() {
        ObjectNode d = published();
        ((ObjectNode) d.get("@context")).remove("rai");
        List<String> outcomes = outcomes(CroissantRules.check(d));
        long raiKeys = d.properties().stream().filter(e -> e.getKey().startsWith("rai:")).count();
        assertEquals(13, raiKeys);
        assertEquals(raiKeys, outcomes.stream().filter(o -> o.equals("ERROR context-prefix dataset")).count());
        assertEquals("WARNING context-standard @context", outcomes.get(0));
        assertEquals(1 + raiKeys, outcomes.size(), outcomes.toString());
    }
}
