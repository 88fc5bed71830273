package medic.store;

import java.util.Locale;

/** The databases medic runs on, told apart by the JDBC URL; each has its own Flyway migration folder. */
public enum Vendor {
    H2("jdbc:h2:", "h2"),
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String folder;

    Vendor(String urlPrefix, String folder) {
        this.urlPrefix = urlPrefix;
        this.folder = folder;
    }

    /** The vendor of a JDBC URL; a URL of any other database (or no URL) is refused with what to write instead. */
    public static Vendor of(String url) {
        String lower = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        for (Vendor vendor : values()) {
            if (lower.startsWith(vendor.urlPrefix)) {
                return vendor;
            }
        }
        throw new DatabaseUnavailableException("unsupported database URL \"" + JdbcUrls.redact(url)
                + "\": use jdbc:h2:file:PATH (embedded, the default) or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    /** Classpath location of this vendor's migrations, e.g. {@code db/migration/postgresql}. */
    public String migrationLocation() {
        return "db/migration/" + folder;
    }
}
