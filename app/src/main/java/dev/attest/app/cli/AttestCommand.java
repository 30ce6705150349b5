package dev.attest.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level {@code attest} command and its subcommands. */
@Command(name = "attest", mixinStandardHelpOptions = true, version = "attest 0.1.0",
        description = "Evidence-grounded review of medical AI: DICOM and NIfTI tools.",
        subcommands = {InfoCommand.class, ConvertCommand.class, PixelsCommand.class, DumpCommand.class,
                BenchCommand.class, DemoCommand.class, InferCommand.class, GuiCommand.class, ProjectCommand.class,
                ModelsCommand.class, StatsCommand.class, MetricsCommand.class, PdfCommand.class, ExportCommand.class,
                ImportSetCommand.class, ProbeCommand.class, GroundCommand.class, CommandLine.HelpCommand.class})
public final class AttestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line; typed input errors print one clear line instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AttestCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("attest: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("ATTEST_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ex instanceof java.io.IOException || ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl;
    }
}
