package dev.attest.dicom.io;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TagDictionary;
import dev.attest.dicom.Vr;

import java.io.PrintStream;

/** Writes a readable, indented text dump of a DICOM file, one element per line. */
public final class DicomDumper {
    private static final int MAX_VALUE_CHARS = 80;
    private static final int MAX_BINARY_VALUES = 16;

    private DicomDumper() {
    }

    public static void dump(DicomFile file, PrintStream out) {
        out.println("# " + file.source());
        out.println("# preamble: " + (file.hasPreamble() ? "yes" : "no") + ", transfer syntax: " + file.transferSyntax());
        if (!file.fileMeta().isEmpty()) {
            out.println("# file meta information");
            dump(file.fileMeta(), out, 0);
        }
        out.println("# data set");
        dump(file.dataset(), out, 0);
        for (String w : file.warnings()) {
            out.println("# warning: " + w);
        }
        if (!file.complete()) {
            out.println("# error: " + file.parseError());
        }
    }

    public static void dump(DicomDataset ds, PrintStream out, int depth) {
        String indent = "  ".repeat(depth);
        for (DicomElement e : ds.elements()) {
            String head = indent + Tag.toString(e.tag()) + " " + e.vr() + " ";
            String name = TagDictionary.keyword(e.tag());
            switch (e) {
                case DicomElement.Sequence s -> {
                    out.println(head + "(" + s.items().size() + " item" + (s.items().size() == 1 ? "" : "s") + ") " + name);
                    int i = 0;
                    for (DicomDataset item : s.items()) {
                        out.println(indent + "  > item " + (++i));
                        dump(item, out, depth + 2);
                    }
                }
                case DicomElement.Bulk b -> out.println(head + "<" + b.data().remaining() + " bytes"
                        + (b.truncated() ? " of " + b.declaredLength() + " declared, truncated" : "") + "> " + name);
                case DicomElement.Encapsulated enc -> out.println(head + "<encapsulated: " + enc.fragments().size()
                        + " fragment(s), basic offset table " + enc.basicOffsetTable().remaining() / 4 + " entries> " + name);
                case DicomElement.Value v -> out.println(head + formatValue(ds, v) + " #" + v.bytes().length + " " + name);
            }
        }
    }

    private static String formatValue(DicomDataset ds, DicomElement.Value v) {
        Vr vr = DicomDataset.effectiveVr(v);
        String text;
        if (vr.isString()) {
            text = "[" + ds.getString(v.tag()) + "]";
        } else if (vr.valueSize() > 0) {
            String[] values = ds.getStrings(v.tag());
            if (values.length > MAX_BINARY_VALUES) {
                String[] head = java.util.Arrays.copyOf(values, MAX_BINARY_VALUES);
                text = String.join("\\", head) + "\\...(" + values.length + " values)";
            } else {
                text = String.join("\\", values);
            }
        } else {
            StringBuilder sb = new StringBuilder();
            byte[] b = v.bytes();
            for (int i = 0; i < Math.min(b.length, MAX_BINARY_VALUES); i++) {
                sb.append(i == 0 ? "" : "\\").append(String.format("%02x", b[i] & 0xFF));
            }
            if (b.length > MAX_BINARY_VALUES) {
                sb.append("...");
            }
            text = sb.toString();
        }
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "..." : text;
    }
}
