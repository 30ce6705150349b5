package dev.attest.reports.llm;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** One piece of a chat message: text, or an image sent inline as a base64 data URL. */
public sealed interface ContentPart {

    /** Plain text, sent as {@code {"type":"text","text":...}}. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image, sent as {@code {"type":"image_url","image_url":{"url":"data:<mediaType>;base64,..."}}}.
     * Inline data rather than a link because the server is local and must not fetch anything.
     */
    record Image(String mediaType, byte[] bytes) implements ContentPart {
        public Image {
            if (mediaType == null || !mediaType.startsWith("image/")) {
                throw new IllegalArgumentException("media type must be image/..., got " + mediaType);
            }
            if (bytes == null || bytes.length == 0) {
                throw new IllegalArgumentException("image has no bytes");
            }
            bytes = bytes.clone();
        }

        public static Image png(byte[] bytes) {
            return new Image("image/png", bytes);
        }

        /** A copy, so the part stays immutable. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String dataUrl() {
            return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Image other && mediaType.equals(other.mediaType) && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Image[" + mediaType + ", " + bytes.length + " bytes]";
        }
    }
}
