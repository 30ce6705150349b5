package dev.attest.dicom.sr;

import dev.attest.dicom.Code;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One node of an SR content tree: its relationship to its parent (absent for the root), its
 * concept name (absent for by-reference items, and allowed to be absent for IMAGE, COMPOSITE and
 * the coordinate value types, e.g. an Image Library entry), its value and its children.
 */
public record ContentItem(Optional<Relationship> relationship, Optional<Code> concept, ContentValue value,
                          List<ContentItem> children) {

    public ContentItem {
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(value, "value");
        children = List.copyOf(children);
    }

    /** A child item with a concept name. */
    public static ContentItem of(Relationship relationship, Code concept, ContentValue value, List<ContentItem> children) {
        return new ContentItem(Optional.of(relationship), Optional.of(concept), value, children);
    }

    public static ContentItem of(Relationship relationship, Code concept, ContentValue value) {
        return of(relationship, concept, value, List.of());
    }

    /** An IMAGE or COMPOSITE reference without a concept name, as Image Library entries are. */
    public static ContentItem reference(Relationship relationship, ContentValue value) {
        if (!(value instanceof ContentValue.Image) && !(value instanceof ContentValue.Composite)) {
            throw new IllegalArgumentException("only IMAGE and COMPOSITE items may go without a concept name, not " + value.valueType());
        }
        return new ContentItem(Optional.of(relationship), Optional.empty(), value, List.of());
    }

    public static ContentItem code(Relationship relationship, Code concept, Code value) {
        return of(relationship, concept, new ContentValue.CodeValue(value));
    }

    public static ContentItem text(Relationship relationship, Code concept, String text) {
        return of(relationship, concept, new ContentValue.Text(text));
    }

    public static ContentItem uid(Relationship relationship, Code concept, String uid) {
        return of(relationship, concept, new ContentValue.UidRef(uid));
    }

    public static ContentItem container(Relationship relationship, Code concept, List<ContentItem> children) {
        return of(relationship, concept, new ContentValue.Container(false), children);
    }

    /** True when the concept name is {@code code} (value and scheme) or one of its {@code aliases}. */
    public boolean is(Code code, Code... aliases) {
        if (concept.isEmpty()) {
            return false;
        }
        if (concept.get().sameConcept(code)) {
            return true;
        }
        for (Code alias : aliases) {
            if (concept.get().sameConcept(alias)) {
                return true;
            }
        }
        return false;
    }

    /** The children for which {@code test} holds, in order. */
    public List<ContentItem> children(Predicate<ContentItem> test) {
        List<ContentItem> out = new ArrayList<>();
        for (ContentItem c : children) {
            if (test.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first child whose concept name is {@code code} or one of its aliases. */
    public Optional<ContentItem> child(Code code, Code... aliases) {
        return children.stream().filter(c -> c.is(code, aliases)).findFirst();
    }

    /** The code value of a CODE item. */
    public Optional<Code> codeValue() {
        return value instanceof ContentValue.CodeValue c ? Optional.of(c.code()) : Optional.empty();
    }

    /** The text of a TEXT item, the UID of a UIDREF item, the name of a PNAME item. */
    public Optional<String> textValue() {
        return switch (value) {
            case ContentValue.Text t -> Optional.of(t.text());
            case ContentValue.UidRef u -> Optional.of(u.uid());
            case ContentValue.PersonName p -> Optional.of(p.name());
            default -> Optional.empty();
        };
    }
}
