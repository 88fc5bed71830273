package medic.cli;

import java.io.UncheckedIOException;
import medic.MedicException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and exit code 2: bad input is the user's to fix, so it is named
 * plainly; anything unexpected is still one line, with MEDIC_DEBUG=1 for the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int UNUSABLE_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        String message;
        if (e instanceof MedicException || e instanceof UncheckedIOException) {
            message = e.getMessage();
        } else {
            message = "internal error: " + e + " (set MEDIC_DEBUG=1 for details, and please report it)";
        }
        cli.getErr().println("medic: " + message);
        if (System.getenv("MEDIC_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return UNUSABLE_INPUT;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("medic: " + e.getMessage() + " (see: medic " + cli.getCommandName() + " --help)");
        return UNUSABLE_INPUT;
    }
}
