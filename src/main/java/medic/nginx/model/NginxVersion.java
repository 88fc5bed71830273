package medic.nginx.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.MedicException;

/** An nginx core version; OpenResty's four-part versions map to the nginx core they bundle. */
public record NginxVersion(int major, int minor, int patch) implements Comparable<NginxVersion> {
    /** The release that made HTTP/1.1 and upstream keepalive the proxy defaults. */
    public static final NginxVersion HTTP11_DEFAULT = new NginxVersion(1, 29, 7);
    /** The release that added {@code resolve} on upstream servers to the open-source build. */
    public static final NginxVersion UPSTREAM_RESOLVE = new NginxVersion(1, 27, 3);

    private static final Pattern VERSION = Pattern.compile("(?:nginx|openresty|angie|tengine)/(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern PLAIN = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Reads {@code nginx -v} / {@code nginx -V} output, or a bare {@code 1.22.1}. */
    public static NginxVersion parse(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            m = PLAIN.matcher(text.trim());
            if (!m.matches()) {
                throw new MedicException("cannot read an nginx version from \"" + text.strip()
                        + "\": expected nginx -v output or X.Y.Z such as 1.22.1");
            }
        }
        return new NginxVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    public boolean atLeast(NginxVersion other) {
        return compareTo(other) >= 0;
    }

    /** True when proxied requests default to HTTP/1.1 with keepalive (1.29.7 and later). */
    public boolean http11ByDefault() {
        return atLeast(HTTP11_DEFAULT);
    }

    @Override
    public int compareTo(NginxVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
