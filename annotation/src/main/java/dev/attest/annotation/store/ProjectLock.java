package dev.attest.annotation.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The advisory {@code project.lock} held by the one process that has a project open for writing. The file
 * says which process and host hold it so a second opener can be told; the OS drops the lock when the holder
 * dies, so a killed process never leaves a project locked.
 */
final class ProjectLock implements AutoCloseable {
    static final String FILE_NAME = "project.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link ProjectLockedException} saying who holds it. */
    static ProjectLock acquire(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another store in this same JVM
            }
            if (lock == null) {
                channel.close();
                throw holder(folder, file);
            }
            String owner = "pid=" + ProcessHandle.current().pid() + "\nhost=" + hostName() + "\nsince="
                    + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new ProjectLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ProjectStoreException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static ProjectLockedException holder(Path folder, Path file) throws IOException {
        long pid = -1;
        String host = "an unknown host";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("pid=")) {
                try {
                    pid = Long.parseLong(line.substring(4).trim());
                } catch (NumberFormatException e) {
                    pid = -1;
                }
            } else if (line.startsWith("host=")) {
                host = line.substring(5).trim();
            }
        }
        return new ProjectLockedException(folder, pid, host);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            // Emptying the file first means a reader never sees a stale owner after we release.
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock anyway
        }
        closeQuietly(channel);
    }
}
