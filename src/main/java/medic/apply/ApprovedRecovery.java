package medic.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import medic.apply.StepReport.Status;

/**
 * Recovers a change the journal shows APPROVED. With every file holding the content the proposal was made from, it
 * was not started. Otherwise the database lost the apply's later commits (embedded H2 can reopen after a kill without
 * them, BACKED_UP included): each changed file is restored from a host copy of this change whose sha256 is the sealed
 * {@code beforeSha256}, the proof it is the original; with one file lacking such a copy nothing is touched and a
 * person is asked to look.
 */
final class ApprovedRecovery {

    private final ChangeJournal journal;
    private final Restorer restorer;
    private final Clock clock;

    ApprovedRecovery(ChangeJournal journal, Restorer restorer, Clock clock) {
        this.journal = journal;
        this.restorer = restorer;
        this.clock = clock;
    }

    ApplyResult recover(Change change, SealedProposal proposal, ApplyHost.Opener hosts, StepRecorder steps) {
        ApplyHost host;
        Optional<String> changed;
        try {
            host = hosts.open(change.host());
        } catch (RuntimeException e) {
            return unchecked(change, steps, e);
        }
        try (host) {
            try {
                changed = new HostFiles(host).firstChanged(proposal.files());
            } catch (RuntimeException e) {
                return unchecked(change, steps, e);
            }
            if (changed.isEmpty()) {
                steps.note(ApplyStep.LOCK, Status.PASSED, "interrupted before anything changed; still APPROVED");
                return result(change, ChangeState.APPROVED, "not started", steps);
            }
            return restoreFromHost(change, proposal, host, steps, "the journal says APPROVED, but " + changed.get()
                    + ": the database lost the apply's later states");
        }
    }

    /** Nothing is done to the host from APPROVED; an unreachable host only means the files go unchecked. */
    private static ApplyResult unchecked(Change change, StepRecorder steps, RuntimeException e) {
        steps.note(ApplyStep.LOCK, Status.PASSED, "still APPROVED; the files of " + change.host()
                + " could not be checked: " + e.getMessage());
        return result(change, ChangeState.APPROVED, "not started", steps);
    }

    private ApplyResult restoreFromHost(Change change, SealedProposal proposal, ApplyHost host, StepRecorder steps,
            String lost) {
        HostBackups search = new HostBackups(host);
        List<Backup> backups = new ArrayList<>();
        List<String> unproven = new ArrayList<>();
        for (SealedFile file : proposal.files()) {
            byte[] now = host.remote().read(file.path(), HostFiles.MAX_FILE_BYTES);
            Original original = original(search, file, now, change.id(), steps);
            original.backup().ifPresentOrElse(backups::add,
                    () -> unproven.add(file.path() + " (" + original.whyUnproven() + ")"));
        }
        if (!unproven.isEmpty()) {
            String why = lost + ", and no host backup proves the original of " + String.join(", ", unproven)
                    + "; nothing was restored: a person must look at " + change.host() + " (the backups lie beside"
                    + " the files as .NAME.medic-TIME-c" + change.id() + ".bak)";
            steps.note(ApplyStep.DRIFT_CHECK, Status.FAILED, why);
            return result(change, ChangeState.APPROVED, why, steps);
        }
        String why = lost + "; restored from host backups proven by sha256";
        if (!journal.adoptHostBackups(change.id(), backups, why, clock.instant())) {
            ChangeState state = journal.require(change.id()).state();
            String moved = "change " + change.id() + " left APPROVED under another worker's hands (now " + state
                    + "); nothing was restored here";
            steps.note(ApplyStep.LOCK, Status.FAILED, moved);
            return result(change, state, moved, steps);
        }
        // A file held other content, so an apply ran and nginx may have loaded it: reload the restored config.
        return restorer.restore(change, proposal, host, steps, ChangeState.RESTORING, ChangeState.RECOVERED, true, why);
    }

    /** A file's proven original, or why there is none. */
    private record Original(Optional<Backup> backup, String whyUnproven) {
    }

    /**
     * The proven original of one file: its newest host copy with the sealed hash, else the file itself when it still
     * holds that content. Every copy looked at and not used goes to the audit with the reason.
     */
    private static Original original(HostBackups search, SealedFile file, byte[] now, long changeId,
            StepRecorder steps) {
        boolean unchanged = Sha256.of(now).equals(file.beforeSha256());
        String sealed = file.beforeSha256().substring(0, 12);
        // The file itself is the proven original when its hash is the sealed one: it is its own backup, left in place.
        Original itself = new Original(Optional.of(new Backup(file.path(), file.path(), file.beforeSha256(), now)), "");
        HostBackups.Proof proof;
        try {
            proof = search.prove(file, changeId);
        } catch (RuntimeException e) {
            String why = "its host copies could not be listed: " + e.getMessage();
            steps.event("HOST_BACKUP_UNPROVEN", file.path() + ": " + why);
            return unchanged ? itself : new Original(Optional.empty(), why);
        }
        for (String rejected : proof.rejected()) {
            steps.event("HOST_BACKUP_REJECTED", file.path() + ": " + rejected + ", not the sealed original's " + sealed
                    + "; not used");
        }
        if (proof.backup().isPresent()) {
            steps.event("HOST_BACKUP_PROVEN", file.path() + ": " + proof.backup().get().hostCopy() + " has the sealed"
                    + " sha256 " + sealed + (unchanged ? "; the file still holds it too"
                    : "; the file is restored from it"));
            return new Original(proof.backup(), "");
        }
        if (unchanged) {
            return itself;
        }
        steps.event("HOST_BACKUP_UNPROVEN", file.path() + ": " + proof.whyUnproven());
        return new Original(Optional.empty(), proof.whyUnproven());
    }

    private static ApplyResult result(Change change, ChangeState state, String message, StepRecorder steps) {
        return new ApplyResult(change.id(), change.host(), state, message, steps.reports());
    }
}
