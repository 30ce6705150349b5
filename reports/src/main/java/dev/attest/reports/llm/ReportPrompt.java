package dev.attest.reports.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What Attest asks a report model: a system prompt, the user's instructions, an optional
 * examination line typed by the user, and the key images, each introduced by its caption.
 *
 * <p>Only rendered pixels and the captions (plane, window, orientation, overlay legend) leave
 * Attest; no DICOM header value is added here, so nothing identifying is sent unless a user types
 * it into the instructions or the examination line.
 */
public final class ReportPrompt {

    /**
     * The default system prompt. One finding per sentence, with side and size, because each
     * sentence becomes a claim that is grounded on the images and checked for laterality and size.
     */
    public static final String DEFAULT_SYSTEM_PROMPT = """
            You are a radiologist writing the report for one imaging study from the key images you are shown. \
            Describe only what the images show. Write one finding per sentence. For every finding name the organ or \
            structure, the side (right or left, from the patient's point of view) where it has one, and the size in \
            millimetres or centimetres where it can be measured. State important normal findings briefly. Do not \
            invent clinical history, prior studies or measurements you cannot see.""";

    /** The default user instructions, placed before the images. */
    public static final String DEFAULT_INSTRUCTIONS = """
            Write the report with a FINDINGS: section and an IMPRESSION: section, in plain sentences without \
            markdown. Each image is introduced by a line giving its plane, display window and orientation (which \
            edge of the image is the patient's left); where a coloured overlay is listed, it marks a region outlined \
            by a segmentation model, which may be wrong.""";

    private final String systemPrompt;
    private final String instructions;
    private final String examination;
    private final List<KeyImage> images;

    private ReportPrompt(Builder b) {
        this.systemPrompt = b.systemPrompt;
        this.instructions = b.instructions;
        this.examination = b.examination;
        this.images = List.copyOf(b.images);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public String instructions() {
        return instructions;
    }

    /** The examination line ("CT abdomen and pelvis with IV contrast"), empty when none. */
    public String examination() {
        return examination;
    }

    public List<KeyImage> images() {
        return images;
    }

    /**
     * The chat messages: the system prompt, then one user message with the instructions, the
     * examination line, and "Image i: caption" before each image.
     */
    public List<ChatMessage> toMessages() {
        List<ContentPart> parts = new ArrayList<>();
        StringBuilder intro = new StringBuilder(instructions);
        if (!examination.isEmpty()) {
            intro.append("\n\nExamination: ").append(examination);
        }
        parts.add(new ContentPart.Text(intro.toString()));
        for (int i = 0; i < images.size(); i++) {
            KeyImage image = images.get(i);
            parts.add(new ContentPart.Text("\n\nImage " + (i + 1) + ": " + image.caption()));
            parts.add(ContentPart.Image.png(image.png()));
        }
        return List.of(ChatMessage.system(systemPrompt), ChatMessage.user(parts));
    }

    /** Builds a prompt; every field starts at its default and the image list empty. */
    public static final class Builder {
        private String systemPrompt = DEFAULT_SYSTEM_PROMPT;
        private String instructions = DEFAULT_INSTRUCTIONS;
        private String examination = "";
        private final List<KeyImage> images = new ArrayList<>();

        private Builder() {
        }

        public Builder systemPrompt(String text) {
            this.systemPrompt = requireText(text, "system prompt");
            return this;
        }

        public Builder instructions(String text) {
            this.instructions = requireText(text, "instructions");
            return this;
        }

        public Builder examination(String text) {
            this.examination = text == null ? "" : text.strip();
            return this;
        }

        public Builder addImage(KeyImage image) {
            images.add(Objects.requireNonNull(image, "image"));
            return this;
        }

        public Builder addImages(List<KeyImage> list) {
            list.forEach(this::addImage);
            return this;
        }

        public ReportPrompt build() {
            return new ReportPrompt(this);
        }

        private static String requireText(String text, String what) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("the " + what + " must not be empty");
            }
            return text.strip();
        }
    }
}
