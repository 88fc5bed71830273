package medic.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code medic diagnose} with plain {@code --option value} arguments, run without picocli: picocli is built for
 * Java 5, so the JVM cannot keep its classes in the class-data archive and spends about a seventh of the
 * command's time loading, verifying and reflecting on them. Anything less plain (help, {@code --opt=value},
 * {@code --host}, a repeated or unknown option, a value picocli might read differently) returns null and goes
 * to picocli, which also owns every error message about arguments.
 */
final class QuickDiagnose {
    private static final Set<String> SINGLE = Set.of("--config", "--dump", "--example", "--error-log",
            "--nginx-version", "--prefix", "--expected-tunnels", "--format", "--color");

    private QuickDiagnose() {
    }

    /** The command as picocli would configure it from {@code args}, or null when picocli must parse them. */
    static DiagnoseCommand parse(String[] args) {
        if (args.length < 3 || !args[0].equals("diagnose") || args.length % 2 == 0) {
            return null;
        }
        DiagnoseCommand command;
        Set<String> seen = new HashSet<>();
        List<String> backendIdle = new ArrayList<>();
        try {
            command = defaults();
            for (int i = 1; i < args.length; i += 2) {
                String option = args[i];
                String value = args[i + 1];
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")
                        || !(SINGLE.contains(option) ? seen.add(option) : option.equals("--backend-idle"))) {
                    return null;
                }
                if (!set(command, option, value, backendIdle)) {
                    return null;
                }
            }
        } catch (InvalidPathException e) {
            return null;
        }
        int sources = (command.source.config != null ? 1 : 0) + (command.source.dump != null ? 1 : 0)
                + (command.source.example != null ? 1 : 0);
        if (sources != 1) {
            return null;
        }
        if (!backendIdle.isEmpty()) {
            command.backendIdle = backendIdle;
        }
        return command;
    }

    /** Runs a command from {@link #parse}, failures reported as picocli's handler reports them. */
    static int run(DiagnoseCommand command, PrintWriter out, PrintWriter err) {
        command.out = out;
        command.err = err;
        try {
            return command.call();
        } catch (Exception e) {
            return Failures.report(e, err);
        }
    }

    private static boolean set(DiagnoseCommand command, String option, String value, List<String> backendIdle) {
        switch (option) {
            case "--config" -> command.source.config = Path.of(value);
            case "--dump" -> command.source.dump = Path.of(value);
            case "--example" -> command.source.example = value;
            case "--error-log" -> command.errorLog = Path.of(value);
            case "--nginx-version" -> command.nginxVersion = value;
            case "--prefix" -> command.prefix = Path.of(value);
            case "--color" -> command.color = value;
            case "--backend-idle" -> backendIdle.add(value);
            case "--expected-tunnels" -> {
                // Plain decimal only: picocli's reading of signs, leading zeros or overflow is its own.
                if (!value.matches("[1-9][0-9]{0,8}|0")) {
                    return false;
                }
                command.expectedTunnels = Integer.valueOf(value);
            }
            case "--format" -> {
                switch (value) {
                    case "text" -> command.format = DiagnoseCommand.Format.text;
                    case "json" -> command.format = DiagnoseCommand.Format.json;
                    case "diff" -> command.format = DiagnoseCommand.Format.diff;
                    default -> {
                        return false;
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The defaults the options' annotations declare; --inventory and --runbook matter only with --host. */
    private static DiagnoseCommand defaults() {
        DiagnoseCommand command = new DiagnoseCommand();
        command.source = new DiagnoseCommand.Source();
        String inventory = System.getenv("MEDIC_INVENTORY");
        command.inventory = Path.of(inventory == null || inventory.isEmpty() ? "inventory.yaml" : inventory);
        command.runbook = Path.of("runbooks/nginx-upstream-reset.yaml");
        command.format = DiagnoseCommand.Format.text;
        command.color = "auto";
        return command;
    }
}
