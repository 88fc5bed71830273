package medic.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import medic.remote.ShellQuote;

/**
 * Where nginx lives on a host (paths on that host, always absolute): the binary, the main config, the error
 * logs to read, the command that reloads it (run with the host's sudo prefix), how an applied change is
 * verified there, and the idle timeouts the operator declares for its backends (keyed by upstream name or
 * server address, as rule KA02 looks them up).
 */
public record NginxSettings(String binary, String config, List<String> errorLogs, String reload, VerifyTargets verify,
                            Map<String, Duration> backendIdleTimeouts) {
    public static final String DEFAULT_BINARY = "/usr/sbin/nginx";
    public static final String DEFAULT_CONFIG = "/etc/nginx/nginx.conf";
    public static final String DEFAULT_ERROR_LOG = "/var/log/nginx/error.log";

    /** Settings without verification targets. */
    public NginxSettings(String binary, String config, List<String> errorLogs, String reload) {
        this(binary, config, errorLogs, reload, VerifyTargets.NONE);
    }

    /** Settings without declared backend idle timeouts. */
    public NginxSettings(String binary, String config, List<String> errorLogs, String reload, VerifyTargets verify) {
        this(binary, config, errorLogs, reload, verify, Map.of());
    }

    public NginxSettings {
        errorLogs = List.copyOf(errorLogs);
        verify = verify == null ? VerifyTargets.NONE : verify;
        backendIdleTimeouts = backendIdleTimeouts == null ? Map.of() : Map.copyOf(backendIdleTimeouts);
        if (errorLogs.isEmpty()) {
            throw new IllegalArgumentException("nginx settings need at least one error log");
        }
    }

    /** The reload command used when the inventory names none: {@code '<binary>' -s reload}. */
    public static String defaultReload(String binary) {
        return ShellQuote.single(binary) + " -s reload";
    }

    /** The directory of the main config (nginx resolves relative includes against it). */
    public String configDirectory() {
        int slash = config.lastIndexOf('/');
        return slash <= 0 ? "/" : config.substring(0, slash);
    }
}
