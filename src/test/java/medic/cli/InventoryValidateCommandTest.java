package medic.cli;

import static medic.cli.CliRun.medic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code medic inventory validate} as a user runs it: the hosts, notes, alert matching, problems and exit codes. */
class InventoryValidateCommandTest {
    private static final String EXAMPLE = "deploy/inventory.example.yaml";

    @Test
    void the_example_is_valid_and_lists_its_hosts() {
        CliRun run = medic("inventory", "validate", EXAMPLE);
        assertEquals(0, run.exit(), run.err());
        assertEquals("ok deploy/inventory.example.yaml: 3 hosts\n"
                + "  bastion: ssh medic@bastion.example.net:2222, no alert labels (picked by name only)\n"
                + "  edge-1: ssh deploy@10.0.1.11:22 via bastion, alerts [instance=\"edge-1:9113\", job=~\"nginx(-exporter)?\"]\n"
                + "  this-host: local, alerts [instance=\"localhost:9113\"]\n", run.out());
        assertTrue(run.err().contains("note: host bastion: key file "), "files missing on this machine are noted: " + run.err());
        assertTrue(run.err().contains("deploy/keys/medic_ed25519 is not readable here"), run.err());
    }

    @Test
    void alert_labels_show_which_host_an_alert_is_about() {
        CliRun edge = medic("inventory", "validate", EXAMPLE, "--alert-label", "instance=edge-1:9113", "--alert-label", "job=nginx");
        assertEquals(0, edge.exit(), edge.err());
        assertTrue(edge.out().endsWith("alert {instance=edge-1:9113, job=nginx} is about: edge-1\n"), edge.out());
        CliRun nobody = medic("inventory", "validate", EXAMPLE, "--alert-label", "instance=edge-1:9113");
        assertTrue(nobody.out().endsWith("is about: no host\n"), "the job matcher of edge-1 fails: " + nobody.out());
    }

    @Test
    void an_invalid_inventory_prints_each_problem_and_exits_two() {
        String file = "src/test/resources/inventory/invalid/unknown-jump-host.yaml";
        CliRun run = medic("inventory", "validate", file);
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(file + ":10:11: field hosts[1].jump: no host named \"bastoin\" in this inventory (did you mean"
                + " \"bastion\"?); a jump host must be listed as a host too\n"
                + "medic: 1 problem in " + file + "\n", run.err());
    }

    @Test
    void usage_mistakes_exit_two() {
        assertEquals(2, medic("inventory", "validate").exit(), "the file is required");
        CliRun badLabel = medic("inventory", "validate", EXAMPLE, "--alert-label", "instance");
        assertEquals(2, badLabel.exit());
        assertEquals("medic: --alert-label \"instance\": expected NAME=VALUE such as instance=edge-1:9113\n", badLabel.err());
        CliRun missing = medic("inventory", "validate", "no/such.yaml");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("no/such.yaml:1:1: no such file;"), missing.err());
    }
}
