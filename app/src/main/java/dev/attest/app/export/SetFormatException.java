package dev.attest.app.export;

import java.io.IOException;

/** A benchmark set's file is not what the set's layout and schemas say it should be; names the file and line. */
public final class SetFormatException extends IOException {
    public SetFormatException(String message) {
        super(message);
    }
}
