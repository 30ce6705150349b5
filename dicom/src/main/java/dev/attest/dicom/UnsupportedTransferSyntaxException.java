package dev.attest.dicom;

/** The pixel data uses a transfer syntax Attest cannot decode (yet). */
public final class UnsupportedTransferSyntaxException extends DicomException {
    private final TransferSyntax transferSyntax;

    public UnsupportedTransferSyntaxException(String source, TransferSyntax ts) {
        super(source, describe(ts));
        this.transferSyntax = ts;
    }

    /** What the user is told, without the file: "this image uses <name> (transfer syntax <uid>), which Attest cannot decode yet". */
    public static String describe(TransferSyntax ts) {
        return "this image uses " + ts.name() + " (transfer syntax " + ts.uid() + "), which Attest cannot decode yet";
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }
}
