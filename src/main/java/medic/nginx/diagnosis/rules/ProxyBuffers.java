package medic.nginx.diagnosis.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * The proxy buffer settings of a location and the consistency checks nginx applies when it loads them
 * (ngx_http_proxy_merge_loc_conf): raising proxy_buffer_size alone to 16k fails {@code nginx -t} with the
 * default {@code proxy_buffers 8 4k}, because the implied busy size (2 x 16k) exceeds all buffers minus one.
 */
record ProxyBuffers(long bufferSize, int count, long size, Long busy, Long tempWrite, Long maxTemp) {
    static final long PAGE = 4096;

    static ProxyBuffers at(NginxConfig config, Location location) {
        Effective buffers = config.effective(location, "proxy_buffers");
        int count = 8;
        long size = PAGE;
        if (!buffers.isDefault() && buffers.value() != null) {
            String[] parts = buffers.value().split("\\s+");
            if (parts.length == 2 && parts[0].matches("\\d+") && parse(parts[1]) != null) {
                count = Integer.parseInt(parts[0]);
                size = parse(parts[1]);
            }
        }
        return new ProxyBuffers(explicit(config, location, "proxy_buffer_size", PAGE), count, size,
                explicit(config, location, "proxy_busy_buffers_size", null),
                explicit(config, location, "proxy_temp_file_write_size", null),
                explicit(config, location, "proxy_max_temp_file_size", null));
    }

    /**
     * The directives to set, with proxy_buffer_size {@code wanted}, so the location passes nginx's checks:
     * busy size at least the larger buffer and at most all proxy_buffers but one, temp file sizes not below it.
     */
    Map<String, String> raisedTo(long wanted) {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("proxy_buffer_size", format(wanted));
        long larger = Math.max(wanted, size);
        int newCount = count;
        if ((count - 1) * size < larger) {
            newCount = (int) ((2 * larger + size - 1) / size) + 1;
            set.put("proxy_buffers", newCount + " " + format(size));
        }
        long limit = (newCount - 1) * size;
        long busyNow = busy == null ? 2 * larger : busy;
        if (busyNow < larger || busyNow > limit) {
            set.put("proxy_busy_buffers_size", format(Math.min(2 * larger, limit)));
        }
        if (tempWrite != null && tempWrite < larger) {
            set.put("proxy_temp_file_write_size", format(2 * larger));
        }
        if (maxTemp != null && maxTemp != 0 && maxTemp < larger) {
            set.put("proxy_max_temp_file_size", format(larger));
        }
        return set;
    }

    private static Long explicit(NginxConfig config, Location location, String name, Long fallback) {
        Effective e = config.effective(location, name);
        Long parsed = e.isDefault() ? null : parse(e.firstArg());
        return parsed == null ? fallback : parsed;
    }

    /** nginx sizes: {@code 8192}, {@code 16k}, {@code 1m}, {@code 1g}; null when not a size. */
    static Long parse(String text) {
        if (text == null || !text.matches("\\d+[kKmMgG]?")) {
            return null;
        }
        char unit = Character.toLowerCase(text.charAt(text.length() - 1));
        long factor = switch (unit) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        return Long.parseLong(digits) * factor;
    }

    static String format(long bytes) {
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "m";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + "k" : String.valueOf(bytes);
    }
}
