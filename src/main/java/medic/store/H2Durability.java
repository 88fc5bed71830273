package medic.store;

import java.util.Locale;

/**
 * Makes every H2 commit reach the file before it returns ({@code WRITE_DELAY=0}), whatever H2 URL a person
 * configured: the apply journal stores each state before the file write, test or reload it announces, and a medic
 * killed with SIGKILL must not forget it. H2's default (500 ms) loses the commits of the last half second.
 * This covers a killed process, not a power loss: H2 does not fsync each commit.
 */
final class H2Durability {

    private static final String SETTING = "WRITE_DELAY";

    private H2Durability() {
    }

    /**
     * The URL to connect with: a PostgreSQL URL as it is; an H2 URL with {@code ;WRITE_DELAY=0} added when it sets
     * none.
     *
     * @throws DatabaseUnavailableException when an H2 URL sets another write delay
     */
    static String connectionUrl(String url) {
        if (Vendor.of(url) != Vendor.H2) {
            return url;
        }
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String key = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).trim().toUpperCase(Locale.ROOT);
            if (key.equals(SETTING)) {
                String value = equals < 0 ? "" : parts[i].substring(equals + 1).trim();
                if (!value.equals("0")) {
                    throw new DatabaseUnavailableException("database URL " + JdbcUrls.redact(url) + " sets "
                            + SETTING + "=" + value + ", but medic needs " + SETTING + "=0 so that a killed process"
                            + " keeps every commit (an apply stores each state before it changes nginx); remove "
                            + SETTING + " from the URL or set it to 0");
                }
                return url;
            }
        }
        return url + ";" + SETTING + "=0";
    }
}
