package dev.attest.core.nifti;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One header extension block: its ecode and its content (esize - 8 bytes, padding included), for
 * example TotalSegmentator's label table stored as Caret XML (ecode 0 or 30).
 */
public record NiftiExtension(int code, byte[] content) {

    public NiftiExtension {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Size of the block in the file, the 8-byte esize/ecode prefix and padding to 16 bytes included. */
    public int blockSize() {
        return (content.length + 8 + 15) / 16 * 16;
    }

    /** The content as UTF-8 text, with the NUL padding at its end removed. */
    public String text() {
        int end = content.length;
        while (end > 0 && content[end - 1] == 0) {
            end--;
        }
        return new String(content, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NiftiExtension e && code == e.code && Arrays.equals(content, e.content);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "NiftiExtension[code=" + code + ", " + content.length + " bytes]";
    }
}
