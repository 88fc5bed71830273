package medic.runbook;

/** What a run does when a step fails: stop there (the default), or note the failure and go on. */
public enum OnFailure {
    STOP, CONTINUE
}
