package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.io.Sha256;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A benchmark set opened for reading: a folder, or a zip unpacked into a temporary folder (removed on close).
 * Checks every file croissant.json lists against its sha256 and reads tables row by row, each row checked against
 * the set's own schema file.
 */
final class SetFolder implements AutoCloseable {
    private final Path root;
    private final Path unpacked;

    private SetFolder(Path root, Path unpacked) {
        this.root = root;
        this.unpacked = unpacked;
    }

    static SetFolder open(Path set) throws IOException {
        if (Files.isDirectory(set)) {
            return new SetFolder(set, null);
        }
        if (!Files.isRegularFile(set)) {
            throw new java.nio.file.NoSuchFileException(set.toString(), null, "no benchmark set there");
        }
        Path tmp = Files.createTempDirectory("attest-set");
        try {
            unzip(set, tmp);
            Path root = tmp;
            if (!Files.exists(tmp.resolve(SetLayout.CROISSANT))) {
                try (Stream<Path> s = Files.list(tmp)) {
                    List<Path> top = s.toList();
                    if (top.size() == 1 && Files.isDirectory(top.get(0))) {
                        root = top.get(0);
                    }
                }
            }
            return new SetFolder(root, tmp);
        } catch (IOException | RuntimeException e) {
            delete(tmp);
            throw e;
        }
    }

    Path root() {
        return root;
    }

    /** Checks every FileObject's sha256; returns how many files were checked. */
    int verify() throws IOException {
        JsonNode croissant = croissant();
        int n = 0;
        for (JsonNode f : croissant.path("distribution")) {
            if (!"cr:FileObject".equals(f.path("@type").asText()) || !f.has("sha256")) {
                continue;
            }
            String rel = f.path("contentUrl").asText();
            Path file = inside(rel);
            if (!Files.isRegularFile(file)) {
                throw new SetChecksumException(rel, "listed in croissant.json but missing from the set");
            }
            String actual = Sha256.of(file);
            String expected = f.get("sha256").asText();
            if (!actual.equals(expected)) {
                throw new SetChecksumException(rel, "sha256 is " + actual + " but croissant.json records " + expected
                        + "; the file was changed or damaged after export");
            }
            n++;
        }
        if (n == 0) {
            throw new SetFormatException(root.resolve(SetLayout.CROISSANT) + " lists no file with a sha256");
        }
        return n;
    }

    JsonNode croissant() throws IOException {
        Path c = root.resolve(SetLayout.CROISSANT);
        if (!Files.isRegularFile(c)) {
            throw new SetFormatException(root + " is not a benchmark set: " + SetLayout.CROISSANT + " is missing");
        }
        return SetJson.read(c);
    }

    /** A path of the set, refusing one that would lead outside it. */
    Path inside(String relative) throws SetFormatException {
        Path p = root.resolve(relative).normalize();
        if (relative.isEmpty() || !p.startsWith(root.normalize())) {
            throw new SetFormatException("croissant.json names '" + relative + "', which is not a file inside the set");
        }
        return p;
    }

    /** The rows of a table, each checked against the set's schema for it. */
    List<JsonNode> rows(TableSpec table) throws IOException {
        Path file = inside(table.file());
        JsonNode schema = SetJson.read(inside(table.schemaFile()));
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = SetJson.MAPPER.readTree(s);
                } catch (IOException e) {
                    throw new SetFormatException(table.file() + " line " + line + " is not JSON: " + e.getMessage());
                }
                List<String> problems = JsonSchemaCheck.problems(schema, row);
                if (!problems.isEmpty()) {
                    throw new SetFormatException(table.file() + " line " + line + " breaks " + table.schemaFile() + ": "
                            + problems);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new SetFormatException(zip + " holds entry '" + e.getName() + "' that would land outside the set");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    @Override
    public void close() {
        if (unpacked != null) {
            delete(unpacked);
        }
    }
}
