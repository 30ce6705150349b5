package dev.attest.dicom;

/** The pixel data uses a transfer syntax Attest cannot decode (yet). */
public final class UnsupportedTransferSyntaxException extends DicomException {
    private final TransferSyntax transferSyntax;

    public UnsupportedTransferSyntaxException(String source, TransferSyntax ts) {
        super(source, "this image uses " + ts.name() + " (transfer syntax " + ts.uid()
                + "), which Attest cannot decode yet");
        this.transferSyntax = ts;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }
}
