package medic.inventory;

import medic.remote.ShellQuote;
import java.util.List;

/**
 * Where nginx lives on a host (paths on that host, always absolute): the binary, the main config, the error
 * logs to read, and the command that reloads it (run with the host's sudo prefix).
 */
public record NginxSettings(String binary, String config, List<String> errorLogs, String reload) {
    public static final String DEFAULT_BINARY = "/usr/sbin/nginx";
    public static final String DEFAULT_CONFIG = "/etc/nginx/nginx.conf";
    public static final String DEFAULT_ERROR_LOG = "/var/log/nginx/error.log";

    public NginxSettings {
        errorLogs = List.copyOf(errorLogs);
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
