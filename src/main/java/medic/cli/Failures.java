package medic.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import medic.MedicException;

/**
 * How a failed command reads: one line on stderr and exit code 2. Bad input is the user's to fix, so it is
 * named plainly; anything unexpected is still one line, with MEDIC_DEBUG=1 for the stack trace.
 */
final class Failures {
    static final int UNUSABLE_INPUT = 2;

    private Failures() {
    }

    /** Prints {@code failure} to {@code err} and returns the exit code. */
    static int report(Exception failure, PrintWriter err) {
        String message;
        if (failure instanceof MedicException || failure instanceof UncheckedIOException) {
            message = failure.getMessage();
        } else {
            message = "internal error: " + failure + " (set MEDIC_DEBUG=1 for details, and please report it)";
        }
        err.println("medic: " + message);
        if (System.getenv("MEDIC_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        return UNUSABLE_INPUT;
    }
}
