package dev.attest.annotation.store;

import java.nio.file.Path;

/** The project is open for writing in another process (or elsewhere in this one); it can still be opened read-only. */
public final class ProjectLockedException extends ProjectStoreException {
    private final long pid;
    private final String host;

    public ProjectLockedException(Path folder, long pid, String host) {
        super("project " + folder + " is open in process " + (pid < 0 ? "?" : Long.toString(pid)) + " on " + host
                + "; close it there or open this project read-only");
        this.pid = pid;
        this.host = host;
    }

    /** The holder's process id, or -1 when the lock file did not say. */
    public long pid() {
        return pid;
    }

    public String host() {
        return host;
    }
}
