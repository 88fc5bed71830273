package medic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code medic inventory}: tools for the inventory of hosts medic may act on. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Checks the inventory file.",
        subcommands = {InventoryValidateCommand.class})
public final class InventoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
