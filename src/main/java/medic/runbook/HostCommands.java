package medic.runbook;

import java.util.Optional;
import java.util.stream.Collectors;
import medic.inventory.HostEntry;
import medic.remote.ShellQuote;

/**
 * The exact shell command each host-side step runs, built from fixed text and shell-quoted inventory values
 * only. Commands that need root (dump, test, log excerpt, sudo command steps) get the host's sudo prefix.
 */
public final class HostCommands {
    /** An excerpt reads at most this much of the end of each log, so a huge log cannot flood the connection. */
    public static final long EXCERPT_READ_BYTES = 64L * 1024 * 1024;

    private HostCommands() {
    }

    /** The command a step runs on the host; empty for steps medic performs itself (diagnose, propose, approval_gate). */
    public static Optional<String> forStep(Step step, HostEntry host) {
        if (step instanceof CommandStep command) {
            return Optional.of(command(command, host));
        }
        if (step instanceof ErrorLogStep log) {
            return Optional.of(errorLog(log.window(), log.filter(), host));
        }
        return switch (step.kind()) {
            case NGINX_VERSION -> Optional.of(nginxVersion(host));
            case NGINX_DUMP -> Optional.of(nginxDump(host));
            case NGINX_TEST -> Optional.of(nginxTest(host));
            default -> Optional.empty();
        };
    }

    /** {@code nginx -v}; nginx prints the version on stderr. */
    public static String nginxVersion(HostEntry host) {
        return ShellQuote.single(host.nginx().binary()) + " -v";
    }

    /** {@code nginx -T}: the test verdict on stderr, every config file on stdout. */
    public static String nginxDump(HostEntry host) {
        return host.privileged(ShellQuote.single(host.nginx().binary()) + " -T -c " + ShellQuote.single(host.nginx().config()));
    }

    /** {@code nginx -t}: exit status 0 when the configuration loads. */
    public static String nginxTest(HostEntry host) {
        return host.privileged(ShellQuote.single(host.nginx().binary()) + " -t -c " + ShellQuote.single(host.nginx().config()));
    }

    /** The host's reload command, with its sudo prefix. */
    public static String reload(HostEntry host) {
        return host.privileged(host.nginx().reload());
    }

    public static String command(CommandStep step, HostEntry host) {
        String rendered = step.run().render(host);
        return step.sudo() && !host.sudo().isEmpty() ? host.privileged("/bin/sh -c " + ShellQuote.single(rendered)) : rendered;
    }

    /**
     * The error-log excerpt: for each log, the window's lines (a time window is cut where the log's timestamps
     * reach the host's clock minus the period), then the filter's fixed strings. Exit status 2 when a log
     * cannot be read; a window without matching lines is not a failure.
     */
    public static String errorLog(LogWindow window, LogFilter filter, HostEntry host) {
        String logs = host.nginx().errorLogs().stream().map(ShellQuote::single).collect(Collectors.joining(" "));
        String read = window instanceof LogWindow.LastLines last
                ? "tail -n " + last.count() + " -- \"$f\""
                : "tail -c " + EXCERPT_READ_BYTES + " -- \"$f\""
                        + " | awk -v since=\"$since\" 'found || substr($0, 1, 19) >= since { found = 1; print }'";
        String keep = filter.fixedStrings().isEmpty() ? ""
                : " | grep -F" + filter.fixedStrings().stream().map(s -> " -e " + ShellQuote.single(s)).collect(Collectors.joining());
        StringBuilder script = new StringBuilder("status=0\n");
        if (window instanceof LogWindow.Since since) {
            // nginx writes local time as YYYY/MM/DD HH:MM:SS, which sorts as text; @epoch works in GNU and busybox date.
            script.append("since=$(date -d \"@$(( $(date +%s) - ").append(since.period().getSeconds())
                    .append(" ))\" '+%Y/%m/%d %H:%M:%S') || exit 2\n");
        }
        script.append("for f in ").append(logs).append("; do\n")
                .append("  if [ -r \"$f\" ]; then\n")
                .append("    ").append(read).append(keep).append("\n")
                .append("    [ $? -le 1 ] || status=2\n")
                .append("  else\n")
                .append("    echo \"medic: cannot read $f\" >&2; status=2\n")
                .append("  fi\n")
                .append("done\n")
                .append("exit $status");
        String command = script.toString();
        // Never through sudo: "sudo sh -c" would need a root shell in sudoers. medic's SSH user reads the logs as a
        // member of their group (adm on Debian), as the log watcher does; see deploy/sudoers.d/medic.
        return command;
    }
}
