package dev.attest.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Creates new DICOM UIDs from random UUIDs under the 2.25 root (PS3.5 B.2), which needs no registered root. */
public final class Uids {
    private Uids() {
    }

    public static String create() {
        return fromUuid(UUID.randomUUID());
    }

    public static String fromUuid(UUID uuid) {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    /** A UID that is the same every time for the same name: for reproducible generated data. */
    public static String fromName(String name) {
        return fromUuid(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
