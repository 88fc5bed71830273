package medic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code medic audit}: the append-only record of every approval, apply, rollback and refusal. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Reads medic's audit log.",
        subcommands = {AuditExportCommand.class})
public final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
