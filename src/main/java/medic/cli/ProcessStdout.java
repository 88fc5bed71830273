package medic.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * The process's standard output as picocli's writer, which large reports bypass to write bytes: a diagnosis
 * of a config broken everywhere is megabytes, and encoding it char by char through {@code System.out} costs
 * more than building it.
 */
final class ProcessStdout extends PrintWriter {
    private static final int BUFFER = 1 << 16;

    ProcessStdout() {
        super(System.out, true);
    }

    /**
     * Standard output as bytes, buffered, after everything written so far through this writer; the caller
     * flushes it (closing it would close standard output).
     */
    OutputStream bytes() {
        flush();
        return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BUFFER);
    }

    /** Prints {@code text} in the platform charset, as {@code System.out} would, in one write. */
    void printEncoded(String text) {
        try {
            OutputStream out = bytes();
            out.write(text.getBytes(Charset.defaultCharset()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to standard output", e);
        }
    }
}
