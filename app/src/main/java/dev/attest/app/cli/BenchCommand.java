package dev.attest.app.cli;

import picocli.CommandLine.Command;

/** {@code attest bench ...}: benchmarks that print figures (never timed tests). */
@Command(name = "bench", description = "Benchmarks that print JSON figures.", subcommands = {LoadBenchmarkCommand.class, CodecBenchmarkCommand.class, RenderBenchmarkCommand.class, InferBenchmarkCommand.class, StoreBenchmarkCommand.class, ExportBenchmarkCommand.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
