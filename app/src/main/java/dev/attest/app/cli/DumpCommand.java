package dev.attest.app.cli;

import dev.attest.dicom.DicomFile;
import dev.attest.dicom.io.DicomDumper;
import dev.attest.dicom.io.DicomReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code attest dump FILE}: a readable tag dump, sequences indented; broken files dump what was read. */
@Command(name = "dump", description = "Print every element of a DICOM file, sequences indented.")
public final class DumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a DICOM file")
    Path file;

    @Override
    public Integer call() throws Exception {
        // Lenient: a broken file still shows everything up to the break, and the break is the last line.
        DicomFile f = DicomReader.read(file, DicomReader.Options.LENIENT);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DicomDumper.dump(f, out);
        return f.complete() ? 0 : 1;
    }
}
