package medic.apply;

import java.time.Duration;
import medic.inventory.HostEntry;
import medic.remote.CommandResult;
import medic.remote.ShellQuote;

/**
 * The shell commands an apply runs on the host, each with the host's sudo prefix: {@code nginx -t}, the reload
 * (confirmed by a new worker process when the pid file is known: a reload signal returns before nginx acts on
 * it, and a config the master rejects leaves the old workers running), and the backup copy.
 */
final class NginxCommands {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long a reload may take to replace its workers: 5 s, in 0.05 s polls. */
    private static final int RELOAD_POLLS = 100;

    private NginxCommands() {
    }

    static CommandResult test(ApplyHost host) {
        HostEntry entry = host.entry();
        return host.remote().run(entry.privileged(ShellQuote.single(entry.nginx().binary()) + " -t -c "
                + ShellQuote.single(entry.nginx().config())), TIMEOUT);
    }

    static CommandResult reload(ApplyHost host) {
        String reload = host.entry().privileged(host.entry().nginx().reload());
        if (host.pidFile().isEmpty()) {
            return host.remote().run(reload, TIMEOUT);
        }
        // Done when a new worker runs and every old worker is gone or "shutting down" (it has closed its
        // listening sockets): only then does every new connection meet the new config.
        String script = "m=$(cat " + ShellQuote.single(host.pidFile().get()) + ") || exit 70\n"
                + "workers() { ps -o pid=,args= --ppid \"$m\" | awk '/worker process$/ {print $1}'; }\n"
                + "before=\" $(workers | tr '\\n' ' ') \"\n"
                + reload + " || exit $?\n"
                + "i=0\n"
                + "while [ $i -lt " + RELOAD_POLLS + " ]; do\n"
                + "  fresh=\"\"\n"
                + "  for p in $(workers); do\n"
                + "    case \"$before\" in *\" $p \"*) ;; *) fresh=$p ;; esac\n"
                + "  done\n"
                + "  if [ -n \"$fresh\" ]; then\n"
                + "    old=\"\"\n"
                + "    for p in $before; do\n"
                + "      case \"$(ps -o args= -p \"$p\")\" in *'worker process') old=$p ;; esac\n"
                + "    done\n"
                + "    if [ -z \"$old\" ]; then echo \"new worker $fresh\"; exit 0; fi\n"
                + "  fi\n"
                + "  sleep 0.05; i=$((i+1))\n"
                + "done\n"
                + "echo \"nginx accepted the reload signal but its workers did not change within 5 s: the master"
                + " probably rejected the config (see its error log)\" >&2\n"
                + "exit 75\n";
        return host.remote().run(script, TIMEOUT);
    }

    static CommandResult copy(ApplyHost host, String path, String copy) {
        return host.remote().run(host.entry().privileged("cp -p " + ShellQuote.single(path) + " "
                + ShellQuote.single(copy)), TIMEOUT);
    }

    /** The hidden sibling a backup goes to: {@code include dir/*} and {@code *.conf} globs never pick it up. */
    static String backupCopy(String path, String suffix) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + ".medic-" + suffix + ".bak";
    }

    static String output(CommandResult result) {
        String both = (result.stdout() + (result.stderr().isEmpty() ? "" : "\n" + result.stderr())).strip();
        return both.isEmpty() ? "(exit " + result.exitCode() + ", no output)" : both;
    }
}
