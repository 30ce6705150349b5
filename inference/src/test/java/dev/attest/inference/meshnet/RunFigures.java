package dev.attest.inference.meshnet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures the MeshNet tests print (never assert): peak Java heap and the process's peak resident set. */
final class RunFigures {

    private RunFigures() {
    }

    static String memory() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        String rss = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    rss = line.substring(6).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux: the resident-set figure is simply not shown
        }
        return String.format("peak heap %d MB (sum of pool peaks), peak RSS %s", heap >> 20, rss);
    }
}
