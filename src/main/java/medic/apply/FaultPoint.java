package medic.apply;

/** Places in an apply where a test may stop the process, to prove a crash there leaves nginx consistent. */
public enum FaultPoint {
    AFTER_LOCK, AFTER_BACKUP, MID_WRITE, AFTER_WRITE, AFTER_TEST, AFTER_RELOAD, AFTER_VERIFY, MID_RESTORE
}
