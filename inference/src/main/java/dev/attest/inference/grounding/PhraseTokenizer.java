package dev.attest.inference.grounding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.attest.inference.engine.Engines;
import dev.attest.inference.manifest.TextInput;
import dev.attest.inference.manifest.TextPadding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's tokenizers binding (the Rust library, whose
 * native code ships inside the jar, so nothing is downloaded). DJL truncates to {@code maxLength} with
 * the special tokens kept; padding is done here with the manifest's {@code padId}, because DJL's own
 * padding takes the pad id from its defaults rather than from the manifest. Thread-safe.
 */
public final class PhraseTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final TextInput text;
    private final String padToken;

    private PhraseTokenizer(HuggingFaceTokenizer tokenizer, TextInput text) {
        this.tokenizer = tokenizer;
        this.text = text;
        this.padToken = tokenizer.decode(new long[] {text.padId()}, false);
    }

    /** @throws GroundingManifestException naming the file when it is missing or not a tokenizer.json DJL reads */
    public static PhraseTokenizer open(Path file, TextInput text) {
        if (!Files.isRegularFile(file)) {
            throw new GroundingManifestException(file, "tokenizer file not found");
        }
        Engines.forceOffline();
        HuggingFaceTokenizer t;
        try {
            t = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(text.addSpecialTokens())
                    .optTruncation(true)
                    .optMaxLength(text.maxLength())
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new GroundingManifestException(file, "not a tokenizer.json the Hugging Face tokenizers library reads: "
                    + e.getMessage(), e);
        }
        try {
            return new PhraseTokenizer(t, text);
        } catch (RuntimeException e) {
            t.close();
            throw new GroundingManifestException(file, "pad id " + text.padId() + " is not in the vocabulary: "
                    + e.getMessage(), e);
        }
    }

    public TokenizedPhrase tokenize(String phrase) {
        Encoding e = tokenizer.encode(phrase);
        long[] ids = e.getIds();
        long[] mask = e.getAttentionMask();
        List<String> tokens = new ArrayList<>(Arrays.asList(e.getTokens()));
        if (text.padding() == TextPadding.MAX_LENGTH && ids.length < text.maxLength()) {
            int n = ids.length;
            ids = Arrays.copyOf(ids, text.maxLength());
            mask = Arrays.copyOf(mask, text.maxLength());
            Arrays.fill(ids, n, ids.length, text.padId());
            while (tokens.size() < ids.length) {
                tokens.add(padToken);
            }
        }
        return new TokenizedPhrase(tokens, ids, mask);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
