package medic.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import medic.MedicException;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.inventory.InventoryException;
import medic.inventory.KeySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code medic inventory validate}: loads an inventory as medic would, lists its hosts, notes key and
 * known_hosts files or variables missing on this machine, and shows which hosts an alert's labels pick.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks an inventory file: prints \"ok FILE: N hosts\" or \"FILE:LINE:COLUMN: problem\" lines.",
            "Exit status: 0 valid, 2 a problem was found."})
public final class InventoryValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the inventory file (YAML; see deploy/inventory.example.yaml)")
    Path file;

    @Option(names = "--alert-label", paramLabel = "NAME=VALUE",
            description = "an alert label (repeatable): also print which hosts an alert with these labels is about")
    List<String> alertLabels = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> labels = labels();
        Inventory inventory;
        try {
            inventory = Inventory.load(file);
        } catch (InventoryException e) {
            e.problems().forEach(err::println);
            err.println("medic: " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in " + file);
            err.flush();
            return ErrorHandler.UNUSABLE_INPUT;
        }
        int hosts = inventory.hosts().size();
        out.println("ok " + file + ": " + hosts + (hosts == 1 ? " host" : " hosts"));
        for (HostEntry host : inventory.hosts()) {
            out.println("  " + describe(host));
            notes(host).forEach(note -> err.println("note: host " + host.name() + ": " + note));
        }
        if (!alertLabels.isEmpty()) {
            List<String> matched = inventory.match(labels).stream().map(HostEntry::name).toList();
            out.println("alert " + labels + " is about: " + (matched.isEmpty() ? "no host" : String.join(", ", matched)));
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static String describe(HostEntry host) {
        String where = host.isLocal() ? "local" : "ssh " + host.user() + "@" + host.address() + ":" + host.port()
                + host.jumpHost().map(j -> " via " + j.name()).orElse("");
        String alerts = host.alertMatchers().isEmpty() ? "no alert labels (picked by name only)"
                : "alerts " + host.alertMatchers();
        return host.name() + ": " + where + ", " + alerts;
    }

    /** What would stop medic from connecting from this machine; a note, since the server may run elsewhere. */
    private static List<String> notes(HostEntry host) {
        List<String> notes = new ArrayList<>();
        if (host.key() instanceof KeySource.File key && !Files.isReadable(key.path())) {
            notes.add("key file " + key.path() + " is not readable here");
        }
        if (host.key() instanceof KeySource.Env key && System.getenv(key.variable()) == null) {
            notes.add("key variable " + key.variable() + " is not set here");
        }
        if (host.key() != null) {
            host.key().passphraseEnv().filter(v -> System.getenv(v) == null)
                    .ifPresent(v -> notes.add("passphrase variable " + v + " is not set here"));
        }
        if (host.knownHosts() != null && !Files.isReadable(host.knownHosts())) {
            notes.add("known_hosts file " + host.knownHosts() + " is not readable here");
        }
        return notes;
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : alertLabels) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw new MedicException("--alert-label \"" + label + "\": expected NAME=VALUE such as instance=edge-1:9113");
            }
            labels.put(label.substring(0, eq), label.substring(eq + 1));
        }
        return labels;
    }
}
