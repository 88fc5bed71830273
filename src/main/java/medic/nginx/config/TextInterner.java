package medic.nginx.config;

/**
 * One canonical string per distinct directive name, looked up by its character range so a repeat costs no
 * substring. A config of 40,000 lines holds a few dozen names; sharing them keeps the tree small and the tree
 * walks in cache. Names that the code compares against literals come out as those very literals (the JVM
 * interns them), so such comparisons are identity checks. One interner per parse: not thread-safe.
 */
final class TextInterner {
    /** Names the model and the rules compare against, so they come out as the JVM-interned literals. */
    private static final String[] KNOWN = {
        "include", "http", "events", "server", "location", "upstream", "map", "types", "geo", "split_clients",
        "if", "limit_except", "stream", "listen", "server_name", "proxy_pass", "proxy_set_header",
        "proxy_http_version", "proxy_read_timeout", "proxy_send_timeout", "proxy_connect_timeout",
        "proxy_buffering", "proxy_buffer_size", "proxy_buffers", "proxy_next_upstream", "proxy_socket_keepalive",
        "proxy_cache", "keepalive", "keepalive_timeout", "keepalive_requests", "add_header", "alias", "root",
        "expires", "return", "rewrite", "access_log", "error_log", "log_format", "worker_processes",
        "worker_connections", "limit_conn", "limit_conn_zone", "resolver", "default", "pid", "user",
        "send_timeout", "http2", "set", "try_files", "index", "charset_map", "match",
    };
    private static final int LONGEST = 64;

    private String[] table = new String[256];
    private int[] hashes = new int[256];
    private int size;

    TextInterner() {
        for (String known : KNOWN) {
            add(known, hash(known, 0, known.length()));
        }
    }

    /** The canonical string for {@code text[from, to)}; ranges longer than {@value #LONGEST} are not shared. */
    String intern(String text, int from, int to) {
        return intern(text, from, to, polynomial(text, from, to));
    }

    /** As {@link #intern(String, int, int)} with {@code polynomial}, the range's {@link String#hashCode()}. */
    String intern(String text, int from, int to, int polynomial) {
        int length = to - from;
        if (length > LONGEST) {
            return text.substring(from, to);
        }
        int hash = mix(polynomial);
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            String found = table[slot];
            if (found == null) {
                break;
            }
            if (hashes[slot] == hash && found.length() == length && text.regionMatches(from, found, 0, length)) {
                return found;
            }
        }
        String made = text.substring(from, to);
        add(made, hash);
        return made;
    }

    private void add(String value, int hash) {
        if ((size + 1) * 2 > table.length) {
            String[] old = table;
            table = new String[old.length * 2];
            hashes = new int[old.length * 2];
            size = 0;
            for (String s : old) {
                if (s != null) {
                    add(s, hash(s, 0, s.length()));
                }
            }
        }
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != null) {
            if (table[slot].equals(value)) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = value;
        hashes[slot] = hash;
        size++;
    }

    private static int hash(String text, int from, int to) {
        return mix(polynomial(text, from, to));
    }

    private static int polynomial(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
