package dev.attest.core.phantom;

import dev.attest.core.nifti.NiftiWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * Writes phantom variants as NIfTI image + label pairs for training segmentation models
 * ({@code case_<seed>_ct.nii.gz}, {@code case_<seed>_labels.nii.gz}) plus a {@code cases.tsv} listing each
 * variant's seed, noise and labels present, and the label names and colours as an ITK-SNAP
 * {@code labels.txt}. Run as a program:
 * {@code PhantomTrainingSet OUT_DIR COUNT FIRST_SEED NX NY NZ SPACING_MM}.
 */
public final class PhantomTrainingSet {

    private PhantomTrainingSet() {
    }

    /** Writes variants firstSeed … firstSeed + count − 1 on an isotropic grid; returns the files written. */
    public static List<Path> write(Path dir, int count, long firstSeed, int nx, int ny, int nz, double spacingMm)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        StringBuilder tsv = new StringBuilder("seed\tnoise_hu\tlabels_present\n");
        for (long seed : LongStream.range(firstSeed, firstSeed + count).toArray()) {
            CtPhantomVariants.Variant v = CtPhantomVariants.draw(seed);
            CtPhantom.Result r = CtPhantomVariants.generate(nx, ny, nz, spacingMm, spacingMm, seed);
            Path ct = dir.resolve("case_" + seed + "_ct.nii.gz");
            Path labels = dir.resolve("case_" + seed + "_labels.nii.gz");
            NiftiWriter.write(r.ct(), ct);
            NiftiWriter.write(r.labels(), labels);
            written.add(ct);
            written.add(labels);
            tsv.append(seed).append('\t').append(String.format(Locale.ROOT, "%.2f", v.noiseHu())).append('\t')
                    .append(String.join(",", v.structures().stream().map(s -> Integer.toString(s.label())).toList()))
                    .append('\n');
        }
        Path index = dir.resolve("cases.tsv");
        Files.writeString(index, tsv);
        written.add(index);
        Path names = dir.resolve("labels.txt");
        CtPhantom.labelDescriptions().writeItkSnap(names);
        written.add(names);
        return written;
    }

    public static void main(String[] args) {
        if (args.length != 7) {
            System.err.println("usage: PhantomTrainingSet OUT_DIR COUNT FIRST_SEED NX NY NZ SPACING_MM");
            System.exit(2);
        }
        try {
            List<Path> files = write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]),
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Double.parseDouble(args[6]));
            System.out.println("wrote " + files.size() + " files to " + args[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
