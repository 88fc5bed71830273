package medic.runbook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import medic.inventory.HostEntry;
import medic.remote.ShellQuote;

/**
 * The values a command template may use: all from the inventory, none from the alert. Each renders as
 * single-quoted shell words, so nothing inside a value is ever interpreted by the shell.
 */
public enum TemplateVariable {
    HOST_NAME("host.name", host -> List.of(host.name())),
    HOST_ADDRESS("host.address", host -> List.of(host.isLocal() ? "localhost" : host.address())),
    NGINX_BINARY("host.nginx.binary", host -> List.of(host.nginx().binary())),
    NGINX_CONFIG("host.nginx.config", host -> List.of(host.nginx().config())),
    NGINX_CONFIG_DIR("host.nginx.config_dir", host -> List.of(host.nginx().configDirectory())),
    NGINX_ERROR_LOG("host.nginx.error_log", host -> List.of(host.nginx().errorLogs().get(0))),
    /** Every error log, one quoted word each. */
    NGINX_ERROR_LOGS("host.nginx.error_logs", host -> host.nginx().errorLogs());

    private final String spelling;
    private final Function<HostEntry, List<String>> values;

    TemplateVariable(String spelling, Function<HostEntry, List<String>> values) {
        this.spelling = spelling;
        this.values = values;
    }

    /** How the variable is written between {@code {{ }}}. */
    public String spelling() {
        return spelling;
    }

    /** The variable's value(s) for a host, each shell-quoted, separated by spaces. */
    public String render(HostEntry host) {
        return String.join(" ", values.apply(host).stream().map(ShellQuote::single).toList());
    }

    public static Optional<TemplateVariable> named(String spelling) {
        return Arrays.stream(values()).filter(v -> v.spelling.equals(spelling)).findFirst();
    }

    public static List<String> spellings() {
        return Arrays.stream(values()).map(TemplateVariable::spelling).toList();
    }
}
