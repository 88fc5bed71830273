package medic.cli;

import picocli.CommandLine;

/** picocli's side of {@link Failures}: failed commands and unusable arguments as one line and exit code 2. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int UNUSABLE_INPUT = Failures.UNUSABLE_INPUT;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        return Failures.report(e, cli.getErr());
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("medic: " + e.getMessage() + " (see: medic " + cli.getCommandName() + " --help)");
        return UNUSABLE_INPUT;
    }
}
