package medic.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import medic.apply.StepRecorder.Outcome;
import medic.apply.StepReport.Status;

/**
 * Puts a change's backups back on its host (only the files that differ from them), proves them with
 * {@code nginx -t} and reloads when nginx may run the new config; ends a failed apply, a rollback and a recovery.
 * Every file's fate goes to the audit as a RESTORE_FILE event.
 */
final class Restorer {

    private final ChangeJournal journal;
    private final FaultInjection faults;
    private final Clock clock;

    Restorer(ChangeJournal journal, FaultInjection faults, Clock clock) {
        this.journal = journal;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * Moves the change from {@code from} through RESTORING (or ROLLING_BACK) to {@code to}, restoring on the way.
     *
     * @param reload whether the journal says nginx may have loaded the new config, so the restored one must be
     *     reloaded (a recovery also reloads when it rewrote any file)
     */
    ApplyResult restore(Change change, SealedProposal proposal, ApplyHost host, StepRecorder steps, ChangeState from,
            ChangeState to, boolean reload, String why) {
        long id = change.id();
        ChangeState working = to == ChangeState.ROLLED_BACK ? ChangeState.ROLLING_BACK : ChangeState.RESTORING;
        if (from != working) {
            journal.advance(id, from, working, why, clock.instant());
        }
        HostFiles files = new HostFiles(host);
        List<Backup> backups = journal.backups(id);
        List<String> restored = new ArrayList<>();
        steps.step(ApplyStep.RESTORE, "restoring " + backups.size() + " file(s) from the backups", () -> {
            files.restore(backups, proposal.files(), file -> {
                steps.event("RESTORE_FILE", file.describe());
                if (file.restored()) {
                    restored.add(file.path());
                    if (restored.size() == 1) {
                        faults.at(FaultPoint.MID_RESTORE);
                    }
                }
            });
            return Outcome.pass(restored.isEmpty() ? "every file already had its backed-up content"
                    : "restored " + String.join(", ", restored));
        });
        Outcome retest = steps.step(ApplyStep.RETEST, "nginx -t on the restored config", () -> Outcome.of(
                NginxCommands.test(host), "the restored config passes nginx -t",
                "the RESTORED config fails nginx -t: a person must look at " + change.host() + " now"));
        // A recovery that rewrote a file reloads even from BACKED_UP or WRITING: H2 may come back from a kill without
        // its newest commits (TESTED, RELOADED), so a file holding the new content is the only sure sign, and a
        // reload of the old config costs nginx nothing it had not already.
        boolean reloadNow = reload || to == ChangeState.RECOVERED && !restored.isEmpty();
        Outcome reloaded = Outcome.pass("no reload needed");
        if (reloadNow && retest.passed()) {
            reloaded = steps.step(ApplyStep.RELOAD_RESTORED, "reloading the restored config", () -> Outcome.of(
                    NginxCommands.reload(host), "reloaded the restored config", "reloading the restored config failed:"
                    + " nginx may still run the change; a person must look at " + change.host() + " now"));
        }
        String detail = why + (retest.passed() ? "" : "; " + retest.message() + ":\n" + retest.output())
                + (reloaded.passed() ? "" : "; " + reloaded.message() + ":\n" + reloaded.output());
        journal.advance(id, working, to, detail, clock.instant());
        steps.note(ApplyStep.DONE, retest.passed() && reloaded.passed() && to != ChangeState.RESTORED ? Status.PASSED
                : Status.FAILED,
                to + ": " + why + "; nginx -t after the restore: " + retest.output());
        return new ApplyResult(id, change.host(), to, detail, steps.reports());
    }
}
