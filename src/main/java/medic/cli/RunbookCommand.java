package medic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code medic runbook}: tools for the runbook files under runbooks/. */
@Command(name = "runbook", mixinStandardHelpOptions = true, description = "Checks runbook files.",
        subcommands = {RunbookValidateCommand.class})
public final class RunbookCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
