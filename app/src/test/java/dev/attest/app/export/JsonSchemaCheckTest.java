package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schema subset checker rejects what a 2020-12 validator rejects, with the path and reason. */
class JsonSchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> check(TableSpec t, String row) throws Exception {
        return JsonSchemaCheck.problems(t.schema(), JSON.readTree(row));
    }

    private static final String SCORE = "{\"claim_id\":\"claim-0001\",\"reviewer\":\"reader-1\",\"verdict\":\"correct\","
            + "\"evidence_support\":\"supports\",\"localisation\":null,\"error_type\":null,\"significance\":null,"
            + "\"note\":null,\"version\":1}";

    @Test
    void acceptsAConformingRow() throws Exception {
        assertEquals(List.of(), check(SetTables.SCORES, SCORE));
    }

    @Test
    void namesEachBrokenRuleWithItsPath() throws Exception {
        assertEquals(List.of("$.verdict: \"right\" is not one of [\"correct\",\"partially_correct\",\"incorrect\",\"ungradable\"]"),
                check(SetTables.SCORES, SCORE.replace("\"correct\"", "\"right\"")));
        assertEquals(List.of("$.reviewer: 'Alice' does not match ^reader-[1-9][0-9]*$"),
                check(SetTables.SCORES, SCORE.replace("reader-1", "Alice")));
        assertEquals(List.of("$.version: 0 is below the minimum 1"), check(SetTables.SCORES, SCORE.replace(":1}", ":0}")));
        assertEquals(List.of("$.version: expected \"integer\" but found string"),
                check(SetTables.SCORES, SCORE.replace(":1}", ":\"1\"}")));
        assertEquals(List.of("$: required key 'note' is missing"),
                check(SetTables.SCORES, SCORE.replace("\"note\":null,", "")));
        assertEquals(List.of("$.name: no value is allowed here"),
                check(SetTables.SCORES, SCORE.replace("}", ",\"name\":\"Alice\"}")));
        assertEquals(List.of("$.note: expected [\"string\",\"null\"] but found integer"),
                check(SetTables.SCORES, SCORE.replace("\"note\":null", "\"note\":3")));
    }

    @Test
    void checksNestedArraysAndKeyedCounts() throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(SetJson.line(SetTablesWriter.consensus("claim-0001", List.of())));
        assertEquals(List.of(), JsonSchemaCheck.problems(SetTables.CONSENSUS.schema(), row));
        ((ObjectNode) row.get("verdict_votes")).put("maybe", 1);
        ((ObjectNode) row.get("evidence_support_votes")).put("supports", -1);
        assertEquals(List.of("$.verdict_votes.maybe (key): \"maybe\" is not one of [\"correct\",\"partially_correct\","
                        + "\"incorrect\",\"ungradable\"]", "$.evidence_support_votes.supports: -1 is below the minimum 0"),
                JsonSchemaCheck.problems(SetTables.CONSENSUS.schema(), row));
        JsonNode claim = JSON.readTree("{\"claim_id\":\"claim-0001\",\"case_id\":\"case-0001\",\"run_id\":null,"
                + "\"kind\":\"finding\",\"text\":\"t\",\"model_text\":\"t\",\"text_version\":1,\"revisions\":0,"
                + "\"revised_by\":null,\"label_value\":1,\"value\":1.0,\"unit\":\"mL\","
                + "\"checks\":[{\"kind\":\"size\",\"outcome\":\"maybe\",\"value\":null,\"detail\":null}]}");
        assertEquals(List.of("$.checks[0].outcome: \"maybe\" is not one of [\"pass\",\"fail\",\"unknown\"]"),
                JsonSchemaCheck.problems(SetTables.CLAIMS.schema(), claim));
    }

    @Test
    void integersFollowTwentyTwentyTwelveAndUnknownKeywordsAreRefused() throws Exception {
        JsonNode schema = JSON.readTree("{\"type\":\"integer\"}");
        assertEquals(List.of(), JsonSchemaCheck.problems(schema, JSON.readTree("2.0")));
        assertEquals(1, JsonSchemaCheck.problems(schema, JSON.readTree("2.5")).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonSchemaCheck.problems(JSON.readTree("{\"oneOf\":[]}"), JSON.readTree("1")));
        assertEquals("schema keyword 'oneOf' at $ is not supported", e.getMessage());
    }
}
