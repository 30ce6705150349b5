package dev.attest.app.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The recent list: newest first, no duplicates, at most ten, survives a restart. */
class RecentInputsTest {
    @Test
    void newestFirstWithoutDuplicatesAndBounded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("recent.txt");
        RecentInputs recent = new RecentInputs(file);
        for (int i = 0; i < 12; i++) {
            recent.add(dir.resolve("study" + i));
        }
        recent.add(dir.resolve("study5"));
        List<Path> entries = new RecentInputs(file).entries();
        assertEquals(RecentInputs.LIMIT, entries.size());
        assertEquals(dir.resolve("study5"), entries.get(0));
        assertEquals(dir.resolve("study11"), entries.get(1));
        assertEquals(dir.resolve("study2"), entries.get(9));
    }

    @Test
    void anUnreadableFileIsAnEmptyList(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("recent.txt");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        assertEquals(List.of(), new RecentInputs(file).entries());
    }
}
