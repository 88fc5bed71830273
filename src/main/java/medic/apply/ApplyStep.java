package medic.apply;

/** The steps of an apply, a rollback and a recovery, as they appear in the thread and the audit. */
public enum ApplyStep {
    LOCK, CIRCUIT_BREAKER, DRIFT_CHECK, BACKUP, WRITE, NGINX_TEST, RELOAD, VERIFY, RESTORE, RETEST, RELOAD_RESTORED,
    DONE
}
