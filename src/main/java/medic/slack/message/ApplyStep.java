package medic.slack.message;

import java.time.Duration;

/**
 * One step of applying an approved change, for the thread: which step, how it went, a short detail (e.g.
 * "2 files, backup id 17" or why it failed), the command output worth showing (nginx -t's), and its duration.
 * Output and detail must already be redacted (medic.nginx.redact.Redactor).
 */
public record ApplyStep(Kind kind, Outcome outcome, String detail, String output, Duration elapsed) {
    /** The steps of an apply, in order, and the restore a failure triggers. */
    public enum Kind { DRIFT_CHECK, BACKUP, UPLOAD, NGINX_TEST, RELOAD, VERIFY, RESTORE }

    /** Started (posted when a slow step begins), succeeded or failed. */
    public enum Outcome { STARTED, SUCCEEDED, FAILED }
}
