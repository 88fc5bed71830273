package medic.apply;

/**
 * The apply journal's states, in the order an apply passes them. A process killed in a working state leaves
 * the change for {@link Applier#recoverInterrupted()}, which restores the backups and ends it as RECOVERED.
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
}
