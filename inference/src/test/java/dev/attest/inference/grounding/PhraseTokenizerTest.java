package dev.attest.inference.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.inference.manifest.TextInput;
import dev.attest.inference.manifest.TextPadding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DJL's Hugging Face tokenizer on the fixture's WordPiece tokenizer.json gives the ids, masks and tokens
 * of the Python WordPiece written from its definition in make_grounding_fixture.py: lower-casing,
 * accent stripping, punctuation split, sub-words, unknown words, truncation with [SEP] kept, padding.
 */
class PhraseTokenizerTest {
    @TempDir
    Path tmp;

    static final TextInput TEXT = new TextInput("tokenizer.json", 12, TextPadding.MAX_LENGTH, 0, true, true);

    static Path tokenizerFile() throws Exception {
        return GroundingFixtures.path(GroundingFixtures.TORCHSCRIPT + "/tokenizer.json");
    }

    @Test
    void idsMasksAndTokensEqualThePythonWordPiece() throws Exception {
        JsonNode ref = GroundingFixtures.reference();
        try (PhraseTokenizer t = PhraseTokenizer.open(tokenizerFile(), TEXT)) {
            for (JsonNode p : ref.get("phrases")) {
                TokenizedPhrase tp = t.tokenize(p.get("phrase").asText());
                String phrase = p.get("phrase").asText();
                assertArrayEquals(GroundingFixtures.longs(p.get("ids")), tp.ids(), phrase);
                assertArrayEquals(GroundingFixtures.longs(p.get("attentionMask")), tp.attentionMask(), phrase);
                List<String> tokens = new ArrayList<>();
                p.get("tokens").forEach(n -> tokens.add(n.asText()));
                assertEquals(tokens, tp.tokens().subList(0, tokens.size()), phrase);
                assertEquals(12, tp.length(), phrase);
            }
        }
    }

    @Test
    void subWordsUnknownWordsAndTruncationAreThoseOfTheReference() throws Exception {
        try (PhraseTokenizer t = PhraseTokenizer.open(tokenizerFile(), TEXT)) {
            assertEquals(List.of("[CLS]", "liver", "lesion", "##s", "[UNK]", "[UNK]", "[SEP]", "[PAD]", "[PAD]", "[PAD]",
                    "[PAD]", "[PAD]"), t.tokenize("liver lesions with calcification").tokens());
            TokenizedPhrase long12 = t.tokenize("left lower lobe nodule, left lower lobe nodule, left lower lobe");
            assertArrayEquals(new long[] {2, 5, 7, 9, 14, 26, 5, 7, 9, 14, 26, 3}, long12.ids());
        }
    }

    @Test
    void withoutPaddingThePhraseIsAsLongAsItsTokens() throws Exception {
        TextInput unpadded = new TextInput("tokenizer.json", 12, TextPadding.NONE, 0, true, true);
        try (PhraseTokenizer t = PhraseTokenizer.open(tokenizerFile(), unpadded)) {
            TokenizedPhrase tp = t.tokenize("Right pleural effusi\u00f3n.");
            assertArrayEquals(new long[] {2, 6, 16, 15, 27, 3}, tp.ids());
            assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1}, tp.attentionMask());
        }
        TextInput bare = new TextInput("tokenizer.json", 12, TextPadding.NONE, 0, true, false);
        try (PhraseTokenizer t = PhraseTokenizer.open(tokenizerFile(), bare)) {
            assertArrayEquals(new long[] {6, 16, 15, 27}, t.tokenize("Right pleural effusi\u00f3n.").ids());
        }
    }

    @Test
    void aMissingOrUnreadableTokenizerIsATypedErrorNamingTheFile() throws Exception {
        Path missing = tmp.resolve("tokenizer.json");
        GroundingManifestException e = assertThrows(GroundingManifestException.class, () -> PhraseTokenizer.open(missing, TEXT));
        assertEquals(missing, e.file());
        assertEquals(missing + ": tokenizer file not found", e.getMessage());

        Path garbage = tmp.resolve("bad-tokenizer.json");
        Files.writeString(garbage, "{\"model\": {\"type\": \"NoSuchModel\"}}");
        e = assertThrows(GroundingManifestException.class, () -> PhraseTokenizer.open(garbage, TEXT));
        assertEquals(garbage, e.file());
        assertTrue(e.getMessage().startsWith(garbage + ": not a tokenizer.json"), e.getMessage());
    }
}
