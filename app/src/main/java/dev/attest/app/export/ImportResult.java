package dev.attest.app.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code attest import-set} found and rebuilt.
 *
 * @param project       the rebuilt project folder (null when it was a temporary one, removed afterwards)
 * @param filesVerified files whose sha256 matched croissant.json
 * @param cases         cases rebuilt
 * @param claims        claims rebuilt
 * @param scores        scores rebuilt
 * @param reviewers     reviewers (pseudonymous) rebuilt
 * @param setVersion    the Attest version that exported the set
 * @param reproduced    whether the metrics recomputed from the rebuilt project equal the set's metrics.json
 *                      (everything but the version and seed fields)
 * @param differences   where they differ (at most 20 paths), empty when reproduced
 */
public record ImportResult(Path project, int filesVerified, int cases, int claims, int scores, int reviewers,
                           String setVersion, boolean reproduced, List<String> differences) {
    public ImportResult {
        differences = List.copyOf(differences);
    }
}
