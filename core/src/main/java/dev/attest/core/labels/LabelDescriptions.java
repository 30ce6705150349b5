package dev.attest.core.labels;

import dev.attest.core.nifti.NiftiExtension;
import dev.attest.core.nifti.NiftiImage;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names and colours of a label map's values, read from where tools keep them: the Caret XML
 * NIfTI extension (TotalSegmentator, Connectome Workbench) or an ITK-SNAP label description file,
 * which is also the format Attest writes beside its own label maps (readable by ITK-SNAP, 3D
 * Slicer and a few lines of Python).
 */
public final class LabelDescriptions {
    /** NIfTI extension code registered for Caret / Workbench XML. */
    public static final int CARET_EXTENSION_CODE = 0;

    private final Map<Integer, LabelDescription> byValue = new TreeMap<>();

    public LabelDescriptions(Collection<LabelDescription> labels) {
        labels.forEach(l -> byValue.put(l.value(), l));
    }

    public static LabelDescriptions empty() {
        return new LabelDescriptions(List.of());
    }

    public List<LabelDescription> all() {
        return List.copyOf(byValue.values());
    }

    public Optional<LabelDescription> get(int value) {
        return Optional.ofNullable(byValue.get(value));
    }

    public boolean isEmpty() {
        return byValue.isEmpty();
    }

    /** The label table carried by a NIfTI file's Caret XML extension, or an empty table when it has none. */
    public static LabelDescriptions fromNifti(NiftiImage image) throws LabelFormatException {
        for (NiftiExtension e : image.extensions()) {
            String text = e.text();
            if (text.contains("<CaretExtension") && text.contains("<LabelTable")) {
                return fromCaretXml(text, image.volume().name());
            }
        }
        return empty();
    }

    /** Parses the {@code <LabelTable>} of a Caret XML extension (colours as 0..1 fractions). */
    public static LabelDescriptions fromCaretXml(String xml, String source) throws LabelFormatException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml.strip())));
            NodeList nodes = doc.getElementsByTagName("Label");
            List<LabelDescription> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element label = (Element) nodes.item(i);
                int key = Integer.parseInt(label.getAttribute("Key").strip());
                if (key == 0) {
                    continue; // background ("???" in Workbench tables)
                }
                int rgb = channel(label, "Red") << 16 | channel(label, "Green") << 8 | channel(label, "Blue");
                out.add(new LabelDescription(key, label.getTextContent(), rgb));
            }
            return new LabelDescriptions(out);
        } catch (LabelFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new LabelFormatException(source, "unreadable Caret XML label table: " + e.getMessage());
        }
    }

    private static int channel(Element label, String name) throws LabelFormatException {
        String text = label.getAttribute(name).strip();
        try {
            double v = Double.parseDouble(text);
            if (v < 0 || v > 1) {
                throw new NumberFormatException("outside 0..1");
            }
            return (int) Math.round(v * 255);
        } catch (NumberFormatException e) {
            throw new LabelFormatException("Caret XML", "label " + label.getAttribute("Key") + ": " + name + "=\"" + text + "\" is not a fraction in 0..1");
        }
    }

    /**
     * Reads an ITK-SNAP label description file: lines {@code IDX R G B A VIS MESH "LABEL"}, colours
     * 0..255, VIS 0 for a label hidden at first, {@code #} comments; value 0 (the clear label) is skipped.
     */
    public static LabelDescriptions readItkSnap(Path file) throws IOException {
        List<LabelDescription> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int quote = line.indexOf('"');
            int end = line.lastIndexOf('"');
            if (quote < 0 || end <= quote) {
                throw new LabelFormatException(file.toString(), "line " + (n + 1) + ": no quoted label name");
            }
            String[] f = line.substring(0, quote).trim().split("\\s+");
            if (f.length != 7) {
                throw new LabelFormatException(file.toString(), "line " + (n + 1) + ": expected 7 numbers before the name, found " + f.length);
            }
            try {
                int value = Integer.parseInt(f[0]);
                int r = byteValue(f[1]);
                int g = byteValue(f[2]);
                int b = byteValue(f[3]);
                boolean visible = !"0".equals(f[5]);
                if (value > 0) {
                    out.add(new LabelDescription(value, line.substring(quote + 1, end), r << 16 | g << 8 | b, visible));
                }
            } catch (NumberFormatException e) {
                throw new LabelFormatException(file.toString(), "line " + (n + 1) + ": " + e.getMessage());
            }
        }
        return new LabelDescriptions(out);
    }

    private static int byteValue(String s) {
        int v = Integer.parseInt(s);
        if (v < 0 || v > 255) {
            throw new NumberFormatException("colour " + v + " outside 0..255");
        }
        return v;
    }

    /** Writes the ITK-SNAP format atomically (a partial file never replaces a good one). */
    public void writeItkSnap(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# ITK-SNAP Label Description File (written by Attest)\n")
                .append("# IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL\n")
                .append("    0     0    0    0     0  0  0    \"Clear Label\"\n");
        for (LabelDescription l : byValue.values()) {
            sb.append(String.format(Locale.ROOT, "%5d %5d %4d %4d %5d  %d  1    \"%s\"%n", l.value(), l.rgb() >> 16 & 255,
                    l.rgb() >> 8 & 255, l.rgb() & 255, 1, l.visible() ? 1 : 0, l.name().replace('"', '\'')));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The description file Attest looks for beside a label map: {@code NAME.nii.gz} →
     * {@code NAME.labels.txt}.
     */
    public static Path sidecarOf(Path labelMap) {
        String name = labelMap.getFileName().toString();
        for (String ext : List.of(".nii.gz", ".nii", ".dcm")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        return labelMap.resolveSibling(name + ".labels.txt");
    }
}
