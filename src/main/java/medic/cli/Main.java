package medic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code medic} command line: one subcommand per job. */
@Command(name = "medic", mixinStandardHelpOptions = true, versionProvider = MedicVersion.class,
        description = "nginx-medic: diagnoses and heals nginx upstream resets (recv() failed (104: ...)).",
        subcommands = {DiagnoseCommand.class, RunbookCommand.class, InventoryCommand.class, AuditCommand.class,
            ServeCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new ProcessStdout(), new java.io.PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command line with the given streams (tests call this without exiting the JVM). Plain
     * {@code diagnose} arguments skip picocli (see {@link QuickDiagnose}); picocli's code lives in
     * {@link PicocliLine}, so that loading this class does not load picocli's.
     */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        DiagnoseCommand quick = QuickDiagnose.parse(args);
        if (quick != null) {
            return QuickDiagnose.run(quick, out, err);
        }
        return PicocliLine.execute(out, err, args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
