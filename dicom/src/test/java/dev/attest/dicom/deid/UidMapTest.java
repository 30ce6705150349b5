package dev.attest.dicom.deid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UidMapTest {
    /** Bytes 0..31: the key the Python reference below uses. */
    static final ProjectSecret SECRET = ProjectSecret.of(java.util.stream.IntStream.range(0, 32)
            .collect(java.io.ByteArrayOutputStream::new, (b, i) -> b.write(i), (a, b) -> { }).toByteArray());

    @Test
    void replacesAUidByTheHmacDerived225UidPythonComputes() {
        // python3: '2.25.' + str(int.from_bytes(hmac.new(bytes(range(32)), b'attest-uid-v1\0' + uid.encode(),
        //          hashlib.sha256).digest()[:16], 'big'))
        UidMap map = new UidMap(SECRET);
        assertEquals("2.25.210174533877748914252030214347408283098", map.remap("1.2.826.0.1.3680043.8.498.12345"));
        assertEquals("2.25.210174533877748914252030214347408283098", map.remap(" 1.2.826.0.1.3680043.8.498.12345 "));
        assertEquals(1, map.size());
    }

    @Test
    void givesTheSameReplacementAcrossMapsOfOneProjectAndADifferentOneUnderAnotherSecret() {
        String uid = "1.3.12.2.1107.5.1.4.60064.30000022120808113428000016573";
        assertEquals(new UidMap(SECRET).remap(uid), new UidMap(SECRET).remap(uid));
        assertNotEquals(new UidMap(SECRET).remap(uid), new UidMap(ProjectSecret.generate()).remap(uid));
        String replaced = new UidMap(SECRET).remap(uid);
        assertTrue(replaced.length() <= 64 && replaced.matches("2\\.25\\.[1-9]\\d*"), replaced);
    }

    @Test
    void keepsUidsTheStandardDefines() {
        UidMap map = new UidMap(SECRET);
        assertEquals("1.2.840.10008.5.1.4.1.1.2", map.remap("1.2.840.10008.5.1.4.1.1.2"));
        assertEquals("1.2.840.10008.1.2.1", map.remap("1.2.840.10008.1.2.1"));
        assertEquals("", map.remap(""));
        assertEquals(0, map.size());
    }

    @Test
    void savesTheMapForTheWorkstationAndRefusesToLoadItUnderAnotherSecret(@TempDir Path dir) throws IOException {
        UidMap map = new UidMap(SECRET);
        String a = map.remap("1.2.3.4.5");
        String b = map.remap("1.2.3.4.6");
        Path file = dir.resolve("uidmap.tsv");
        map.save(file);
        UidMap back = UidMap.load(file, SECRET);
        assertEquals(Map.of("1.2.3.4.5", a, "1.2.3.4.6", b), back.entries());
        assertEquals("1.2.3.4.5", back.original(a).orElseThrow());
        assertTrue(Files.readString(file).startsWith("# Attest UID map"));
        assertThrows(IOException.class, () -> UidMap.load(file, ProjectSecret.generate()));
    }

    @Test
    void refusesAShortSecretAndNeverPrintsOne() {
        assertThrows(IllegalArgumentException.class, () -> ProjectSecret.of(new byte[8]));
        assertEquals("ProjectSecret[hidden]", SECRET.toString());
        assertEquals(SECRET, ProjectSecret.fromHex(SECRET.toHex()));
    }
}
