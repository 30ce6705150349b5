package dev.attest.app.export;

import dev.attest.app.open.OpenedImage;
import dev.attest.dicom.Tag;
import dev.attest.dicom.deid.DeidBatch;
import dev.attest.dicom.deid.DeidContext;
import dev.attest.dicom.deid.DeidReport;
import dev.attest.dicom.deid.Deidentifier;
import dev.attest.dicom.deid.ProjectSecret;
import dev.attest.dicom.series.ImageFrame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * With --dicom: de-identifies the DICOM files of a case's series into images/dicom/ with dicom.deid's batch,
 * under the case pseudonym as Patient's Name and ID. Only the series' own files go in, even when its folder holds
 * other series, by handing the batch a folder of links to exactly those files.
 */
final class DicomImages {
    private DicomImages() {
    }

    /**
     * What one case's DICOM export did.
     *
     * @param folder  the series folder in the set, or null when nothing was written
     * @param outcome the batch's outcomes (workstation only: they name source files)
     */
    record Written(String folder, DeidBatch.Result outcome) {
    }

    static Written write(OpenedImage image, String caseId, Deidentifier deid, ProjectSecret secret, DeidReport report,
                         SetFiles files) throws IOException {
        if (image == null || image.stack() == null || image.stack().frames().isEmpty()) {
            return new Written(null, null);
        }
        Set<Path> sources = new LinkedHashSet<>();
        for (ImageFrame f : image.stack().frames()) {
            sources.add(Path.of(f.file().source()).toAbsolutePath());
        }
        Path links = Files.createTempDirectory("attest-export-dicom");
        try {
            int n = 0;
            for (Path s : sources) {
                Path link = links.resolve(String.format("f%06d.dcm", n++));
                try {
                    Files.createSymbolicLink(link, s);
                } catch (UnsupportedOperationException | IOException noLinks) {
                    Files.copy(s, link);
                }
            }
            Path out = files.folder(SetLayout.DICOM);
            DeidBatch.Result result = DeidBatch.run(links, out, deid,
                    file -> DeidContext.of(caseId, secret, file.dataset().getString(Tag.PatientID, "")), report);
            String folder = null;
            for (DeidBatch.Outcome o : result.outcomes()) {
                if (o.status() == DeidBatch.Status.WRITTEN) {
                    String rel = files.root().relativize(o.output()).toString().replace('\\', '/');
                    files.register(rel, "de-identified DICOM of " + caseId + " (PS3.15 Annex E)");
                    folder = rel.substring(0, rel.lastIndexOf('/'));
                }
            }
            return new Written(folder, result);
        } finally {
            try (Stream<Path> walk = Files.walk(links)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
