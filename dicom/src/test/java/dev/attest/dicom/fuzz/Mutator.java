package dev.attest.dicom.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic structure-aware mutations of a DICOM file: the same (bytes, seed) always gives
 * the same mutant, so a crasher is kept as "file + seed" instead of as a copy of the data.
 */
final class Mutator {
    private Mutator() {
    }

    static byte[] mutate(byte[] original, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] b = original.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> putLength(b, at, 0xFFFFFFFF);             // undefined length where none belongs
                case 3 -> putLength(b, at, random.nextInt());       // a length that lies
                case 4 -> b = Arrays.copyOf(b, at);                  // truncation
                case 5 -> {                                          // an item or delimiter tag out of place
                    byte[][] tags = {{(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0}, {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0},
                            {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0}};
                    byte[] tag = tags[random.nextInt(tags.length)];
                    System.arraycopy(tag, 0, b, at, Math.min(4, b.length - at));
                }
                case 6 -> {                                          // a VR made invalid or switched to SQ/UN
                    String[] vrs = {"SQ", "UN", "OB", "??", "\0\0"};
                    String vr = vrs[random.nextInt(vrs.length)];
                    if (at + 1 < b.length) {
                        b[at] = (byte) vr.charAt(0);
                        b[at + 1] = (byte) vr.charAt(1);
                    }
                }
                default -> {                                         // duplicate a chunk (nesting, repeats)
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] grown = new byte[b.length + len];
                    System.arraycopy(b, 0, grown, 0, at + len);
                    System.arraycopy(b, at, grown, at + len, b.length - at);
                    b = grown;
                }
            }
        }
        return b;
    }

    private static void putLength(byte[] b, int at, int value) {
        for (int i = 0; i < 4 && at + i < b.length; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
