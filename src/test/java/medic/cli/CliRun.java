package medic.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of {@code medic} inside the test's JVM, as a user types it: the exit status and both outputs. */
record CliRun(int exit, String out, String err) {

    static CliRun medic(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
