package dev.attest.app.cli;

import dev.attest.app.export.ImportResult;
import dev.attest.app.export.SetImporter;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code attest import-set SET [--project DIR]}: verifies a benchmark set's checksums, rebuilds a project from it,
 * recomputes the metrics and prints JSON with {@code "reproduced"}; exit code 1 when the metrics differ.
 */
@Command(name = "import-set", mixinStandardHelpOptions = true,
        description = "Verify a benchmark set (folder or zip), rebuild a project from it and check that its metrics reproduce.")
public final class ImportSetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SET")
    Path set;

    @Option(names = "--project", paramLabel = "DIR", description = "keep the rebuilt project here (default: a temporary"
            + " project, removed afterwards)")
    Path project;

    @Override
    public Integer call() throws Exception {
        ImportResult r = SetImporter.importSet(set, project, ProgressListener.NONE, new Cancellation());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("set", set.toString());
        json.put("project", r.project() == null ? null : r.project().toString());
        json.put("filesVerified", r.filesVerified());
        json.put("cases", r.cases());
        json.put("claims", r.claims());
        json.put("scores", r.scores());
        json.put("reviewers", r.reviewers());
        json.put("exportedBy", r.setVersion());
        json.put("reproduced", r.reproduced());
        json.put("differences", r.differences());
        StatsCommand.printJson(json);
        return r.reproduced() ? 0 : 1;
    }
}
