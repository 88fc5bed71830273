package medic.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import medic.apply.AuditLog;
import medic.store.Database;
import medic.store.DatabaseSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medic audit export}: every audit event as JSON lines (oldest first) on standard output, from the database
 * {@code medic serve} uses (the same MEDIC_DB_URL, MEDIC_DB_USER and MEDIC_DB_PASSWORD).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Prints every audit event as one JSON object per line, oldest first.",
            "The database is read from MEDIC_DB_URL (default: the embedded database in ./medic-data)."})
public final class AuditExportCommand implements Callable<Integer> {
    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "database URL (default: $MEDIC_DB_URL, else"
            + " the embedded H2 file medic serve uses)")
    String url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String jdbcUrl = url != null ? url : System.getenv().getOrDefault("MEDIC_DB_URL", DatabaseSettings.DEFAULT_URL);
        DatabaseSettings settings = DatabaseSettings.of(jdbcUrl, System.getenv().getOrDefault("MEDIC_DB_USER", "medic"),
                System.getenv().getOrDefault("MEDIC_DB_PASSWORD", ""));
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = Database.open(settings)) {
            Writer writer = new BufferedWriter(out);
            long events = new AuditLog(database).exportJsonLines(writer);
            writer.flush();
            spec.commandLine().getErr().println("medic audit export: " + events + " event(s) from "
                    + settings.redactedUrl());
        }
        return 0;
    }
}
