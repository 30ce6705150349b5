package dev.attest.app.probe;

import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.OpenedImage;
import dev.attest.app.review.CaseReopen;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.ProgressListener;
import dev.attest.inference.probe.CaseProbe;
import dev.attest.inference.probe.Perturbation;
import dev.attest.inference.probe.ProbeRunner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes every case of a project whose image can be opened again from what the project recorded
 * ({@link CaseReopen}), one case after another on one model. A case that cannot be probed is listed with the
 * reason and the others go on, as a bad file in a folder never stops the rest.
 */
public final class ProjectProbe {
    private ProjectProbe() {
    }

    /** The probed cases in the project's order, and those skipped. */
    public record Result(List<ProbedCase> cases, List<SkippedCase> skipped) {
        public Result {
            cases = List.copyOf(cases);
            skipped = List.copyOf(skipped);
        }
    }

    /** Progress of a project probe: which case of how many, and the runner's progress within it. */
    @FunctionalInterface
    public interface Listener {
        void progress(int caseIndex, int caseCount, ReviewCase reviewCase, long done, long total, String message);
    }

    public static Result run(ProjectStore store, ProbeRunner runner, List<Perturbation> perturbations, Listener listener,
                             Cancellation cancellation) {
        List<ReviewCase> all = store.cases();
        List<ProbedCase> probed = new ArrayList<>();
        List<SkippedCase> skipped = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            cancellation.throwIfCancelled();
            ReviewCase c = all.get(i);
            int index = i;
            ProgressListener progress = (done, total, message) -> listener.progress(index, all.size(), c, done, total, message);
            try {
                OpenedImage image = CaseReopen.image(c, ProgressListener.NONE, cancellation);
                if (image.isColour()) {
                    skipped.add(new SkippedCase(c.id(), c.studyRef(), "the image is colour; the probe needs a scalar image"));
                    continue;
                }
                CaseProbe probe = runner.run(image.volume(), perturbations, progress, cancellation);
                probed.add(new ProbedCase(c.id(), c.studyRef(), c.site(), c.scanner(), probe));
            } catch (CancelledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                skipped.add(new SkippedCase(c.id(), c.studyRef(), e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return new Result(probed, skipped);
    }
}
