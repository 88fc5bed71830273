package medic.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The command line as picocli parses and runs it: every subcommand, help, version and argument errors. */
final class PicocliLine {
    private PicocliLine() {
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }
}
