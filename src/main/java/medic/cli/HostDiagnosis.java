package medic.cli;

import java.nio.file.Path;
import java.time.Clock;
import medic.MedicException;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.nginx.Diagnosis;
import medic.nginx.diagnosis.BackendFacts;
import medic.remote.RemoteHost;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.Runbook;
import medic.runbook.RunbookLoader;
import medic.runbook.run.HostConnections;
import medic.runbook.run.RunResult;
import medic.runbook.run.RunbookRunner;
import medic.runbook.run.StepResult;

/** {@code medic diagnose --host}: the runbook run on one inventory host, steps reported on stderr as they end. */
final class HostDiagnosis {
    private HostDiagnosis() {
    }

    static Diagnosis run(String hostName, Path inventoryFile, Path runbookFile, BackendFacts facts) {
        Inventory inventory = Inventory.load(inventoryFile);
        HostEntry host = inventory.host(hostName).orElseThrow(() -> new MedicException("--host " + hostName
                + ": not in " + inventoryFile + " (hosts: " + String.join(", ", inventory.names()) + ")"));
        Runbook runbook = RunbookLoader.load(runbookFile);
        RunResult result;
        try (SshPool pool = new SshPool(SshOptions.defaults()); RemoteHost remote = new HostConnections(pool).open(host)) {
            result = new RunbookRunner(Clock.systemUTC()).run(runbook, host, remote, facts, HostDiagnosis::progress);
        }
        if (result.diagnosis() == null) {
            throw new MedicException("runbook " + runbook.name() + " on " + hostName + " gave no diagnosis: "
                    + (result.failure() == null ? "it has no diagnose step" : result.failure())
                    + (result.retryable() ? " (transient: try again)" : ""));
        }
        return result.diagnosis();
    }

    private static void progress(StepResult step) {
        System.err.println("medic: " + step.stepId() + " " + step.status().name().toLowerCase(java.util.Locale.ROOT)
                + (step.failure() == null ? "" : ": " + step.failure()) + " (" + step.elapsed().toMillis() + " ms)");
    }
}
