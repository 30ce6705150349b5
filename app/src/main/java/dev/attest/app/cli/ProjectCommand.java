package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.project.CaseFinder;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.series.DicomScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code attest project ...}: create a benchmark project, import cases in one batch, add and assign reviewers. */
@Command(name = "project", description = "Benchmark projects: create, import cases, reviewers, assignments, status.",
        subcommands = {ProjectCommand.Create.class, ProjectCommand.ImportCases.class, ProjectCommand.AddReviewer.class,
                ProjectCommand.Assign.class, ProjectCommand.Status.class})
public final class ProjectCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static void print(Object value) throws Exception {
        System.out.println(new ObjectMapper()
                .writeValueAsString(value));
    }

    /** {@code attest project create DIR}. */
    @Command(name = "create", description = "Create an empty project folder (project.db + artifacts/).")
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws Exception {
            try (ProjectStore store = Projects.create(dir)) {
                print(Map.of("project", store.folder().toString()));
            }
            return 0;
        }
    }

    /** {@code attest project import-cases DIR INPUT... [--site S]}. */
    @Command(name = "import-cases", description = "Import every image series (and NIfTI file) under the inputs as cases, in one batch.")
    static final class ImportCases implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Parameters(index = "1..*", paramLabel = "INPUT", arity = "1..*")
        List<Path> inputs;

        @Option(names = "--site", paramLabel = "SITE", description = "the site of every case (default: each series' Institution Name)")
        String site;

        @Override
        public Integer call() throws Exception {
            CaseFinder.Found found = CaseFinder.find(inputs, site, ProgressListener.NONE, new Cancellation());
            for (DicomScanner.Problem p : found.problems()) {
                System.err.println("attest: skipped " + p.source() + ": " + p.message());
            }
            try (ProjectStore store = Projects.open(dir)) {
                List<ReviewCase> added = found.cases().isEmpty() ? List.of() : store.importCases(found.cases());
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ReviewCase c : added) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.id());
                    m.put("studyRef", c.studyRef());
                    m.put("site", c.site());
                    m.put("scanner", c.scanner());
                    m.put("modality", c.modality());
                    rows.add(m);
                }
                print(Map.of("imported", rows, "skipped", found.problems().size()));
            }
            return 0;
        }
    }

    /** {@code attest project add-reviewer DIR NAME}. */
    @Command(name = "add-reviewer", description = "Add a reviewer by name.")
    static final class AddReviewer implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (ProjectStore store = Projects.open(dir)) {
                Reviewer r = store.addReviewer(name);
                print(Map.of("id", r.id(), "name", r.name()));
            }
            return 0;
        }
    }

    /** {@code attest project assign DIR --reviewer NAME [--case ID]...}: every case when none is named. */
    @Command(name = "assign", description = "Assign cases (all, or the --case ids) to a reviewer.")
    static final class Assign implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--reviewer", required = true, paramLabel = "NAME")
        String reviewer;

        @Option(names = "--case", paramLabel = "ID")
        List<Long> caseIds;

        @Override
        public Integer call() throws Exception {
            try (ProjectStore store = Projects.open(dir)) {
                Reviewer r = store.reviewers().stream().filter(x -> x.name().equals(reviewer)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no reviewer named '" + reviewer + "' in " + dir));
                List<Long> ids = caseIds != null ? caseIds : store.cases().stream().map(ReviewCase::id).toList();
                for (long id : ids) {
                    store.assign(id, r.id());
                }
                print(Map.of("reviewer", r.name(), "assigned", ids));
            }
            return 0;
        }
    }

    /** {@code attest project status DIR}: cases, reviewers and each reviewer's progress, read-only. */
    @Command(name = "status", description = "Cases, reviewers and progress (opens the project read-only).")
    static final class Status implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws Exception {
            try (ProjectStore store = Projects.openReadOnly(dir)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("cases", store.cases().size());
                Map<String, String> progress = new LinkedHashMap<>();
                for (Reviewer r : store.reviewers()) {
                    progress.put(r.name(), store.progress(r.id()).toString());
                }
                out.put("reviewers", progress);
                print(out);
            }
            return 0;
        }
    }
}
