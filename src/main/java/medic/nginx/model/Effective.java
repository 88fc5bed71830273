package medic.nginx.model;

import medic.nginx.config.Directive;

/**
 * The value nginx uses for a directive at a place: where it was set (null when nginx's default applies)
 * and the default it would otherwise take.
 */
public record Effective(String name, String value, Directive source, String defaultValue) {

    public boolean isDefault() {
        return source == null;
    }

    /** The first argument, e.g. {@code 60s} for {@code proxy_read_timeout 60s}. */
    public String firstArg() {
        if (value == null) {
            return null;
        }
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    /** "nginx.conf:12" or "default" for messages. */
    public String where(java.util.function.Function<String, String> relative) {
        return source == null ? "nginx default" : relative.apply(source.file()) + ":" + source.line();
    }
}
