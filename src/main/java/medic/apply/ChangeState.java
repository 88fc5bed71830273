package medic.apply;

/**
 * The apply journal's states, in the order an apply passes them. A process killed in a working state leaves
 * the change for {@link Applier#recoverInterrupted}, which restores the backups and ends it as RECOVERED (from
 * APPROVED too when the journal lost the apply's later commits: see {@link ApprovedRecovery}).
 */
public enum ChangeState {
    APPROVED(false, false),
    BACKED_UP(false, false),
    WRITING(false, true),
    TESTED(false, true),
    RELOADED(false, true),
    RESTORING(false, true),
    ROLLING_BACK(false, true),
    APPLIED(true, false),
    REFUSED(true, false),
    RESTORED(true, false),
    ROLLED_BACK(true, false),
    RECOVERED(true, false);

    private final boolean terminal;
    private final boolean filesMayDiffer;

    ChangeState(boolean terminal, boolean filesMayDiffer) {
        this.terminal = terminal;
        this.filesMayDiffer = filesMayDiffer;
    }

    /** The apply (or rollback) is over; nothing is left to finish. */
    public boolean isTerminal() {
        return terminal;
    }

    /** Files on the host may hold new content: a crash here needs the backups restored. */
    public boolean filesMayDiffer() {
        return filesMayDiffer;
    }

    /** What an interruption in this state may have left on the host and what a recovery does, for the audit. */
    String leftByAnInterruption() {
        return switch (this) {
            case APPROVED -> "nothing was changed yet unless later commits were lost; checking the files (a changed"
                    + " file is restored from a host backup whose sha256 is the sealed original's)";
            case BACKED_UP -> "backed up, no file written yet unless later commits were lost; comparing every file with"
                    + " its backup";
            case WRITING -> "some files may hold the new content; restoring the backups (and reloading if any did)";
            case TESTED -> "the new config passed nginx -t and may have been reloaded; restoring and reloading";
            case RELOADED -> "nginx ran the new config; restoring and reloading";
            case RESTORING, ROLLING_BACK -> "a restore was under way; finishing it and reloading";
            default -> "the change had ended";
        };
    }
}
