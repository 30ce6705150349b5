package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;

import java.util.List;

/**
 * Removes identifiers from free text by putting a placeholder ("[NAME]", "[ID]", "[DATE]", ...)
 * where each {@link IdentifierFinder} finding was. Used for descriptions under the Clean
 * Descriptors option, and by the exporter for report sentences and reviewer notes. Thread-safe.
 */
public final class FreeTextScrubber {
    private final IdentifierFinder finder;

    public FreeTextScrubber(KnownIdentifiers identifiers) {
        this.finder = new IdentifierFinder(identifiers);
    }

    /** A scrubber for text about the patient of {@code originalHeader} (the header before de-identification). */
    public static FreeTextScrubber forDataset(DicomDataset originalHeader) {
        return new FreeTextScrubber(KnownIdentifiers.collect(originalHeader));
    }

    /**
     * The cleaned text and what was taken out of it.
     *
     * @param text     the text with every finding replaced by its placeholder
     * @param findings what was found, with offsets into the original text
     */
    public record Result(String text, List<Finding> findings) {
        public boolean changed() {
            return !findings.isEmpty();
        }
    }

    public List<Finding> find(String text) {
        return finder.find(text);
    }

    public Result scrub(String text) {
        if (text == null) {
            return new Result(null, List.of());
        }
        List<Finding> findings = finder.find(text);
        if (findings.isEmpty()) {
            return new Result(text, findings);
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : findings) {
            out.append(text, at, f.start()).append(f.kind().placeholder());
            at = f.end();
        }
        out.append(text, at, text.length());
        return new Result(out.toString(), List.copyOf(findings));
    }
}
