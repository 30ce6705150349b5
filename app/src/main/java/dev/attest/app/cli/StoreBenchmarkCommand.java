package dev.attest.app.cli;

import dev.attest.annotation.store.StoreBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code attest bench store [FOLDER] [--keep]}: builds a project of 10,000 cases, 100,000 claims and
 * 300,000 scores, then prints median times to open it, to show filtered worklists and to save one score.
 */
@Command(name = "store", description = "Project store benchmark: 10k cases, 100k claims, 300k scores; open, worklist and save-score times as JSON.")
public final class StoreBenchmarkCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", description = "where the project goes (default: a temporary folder)")
    Path folder;

    @Option(names = "--keep", description = "keep the generated project instead of deleting it")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>();
        if (folder != null) {
            args.add(folder.toString());
        }
        if (keep) {
            args.add("--keep");
        }
        StoreBenchmark.main(args.toArray(String[]::new));
        return 0;
    }
}
