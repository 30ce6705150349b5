package dev.attest.app;

import dev.attest.app.cli.AttestCommand;
import picocli.CommandLine;

/** Entry point of the attest launcher: the command line now, the workstation in a later release. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.exit(AttestCommand.commandLine().execute(args));
    }
}
