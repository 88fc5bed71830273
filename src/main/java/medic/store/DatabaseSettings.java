package medic.store;

import java.nio.file.Path;

/**
 * Where medic keeps its runs and scheduled jobs: a JDBC URL (embedded H2 file or PostgreSQL), credentials and
 * the pool size. {@link #toString()} hides the password.
 *
 * @param maximumPoolSize connections in the pool; the scheduler's threads draw from it too
 */
public record DatabaseSettings(String url, String user, String password, int maximumPoolSize) {

    private static final String H2_PREFIX = "jdbc:h2:file:async:";
    private static final String H2_OPTIONS = ";AUTO_SERVER=FALSE;WRITE_DELAY=0";

    /**
     * Embedded H2 file under the working directory: works with no set-up, for a single medic process.
     * {@code WRITE_DELAY=0} writes every commit out at once: H2 otherwise holds commits up to 500 ms in memory, and a
     * killed process would forget runs it had started (and Quartz the jobs it was running). {@code async:} reads and
     * writes through an AsynchronousFileChannel: an interrupted thread (Quartz interrupts its helper threads at
     * shutdown) closes a plain FileChannel, and with it the whole database.
     */
    public static final String DEFAULT_URL = H2_PREFIX + "./medic-data/medic" + H2_OPTIONS;
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        Vendor.of(url);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maximumPoolSize < 2) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 2, got " + maximumPoolSize);
        }
    }

    /** The zero set-up default: {@link #DEFAULT_URL}. */
    public static DatabaseSettings embedded() {
        return new DatabaseSettings(DEFAULT_URL, "medic", "", DEFAULT_POOL_SIZE);
    }

    /** An embedded H2 database in {@code file} (H2 adds {@code .mv.db}), durable like {@link #DEFAULT_URL}. */
    public static DatabaseSettings h2File(Path file) {
        return new DatabaseSettings(H2_PREFIX + file.toAbsolutePath() + H2_OPTIONS, "medic", "",
                DEFAULT_POOL_SIZE);
    }

    /** Any supported URL with credentials and the default pool size. */
    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, DEFAULT_POOL_SIZE);
    }

    public DatabaseSettings withMaximumPoolSize(int size) {
        return new DatabaseSettings(url, user, password, size);
    }

    public Vendor vendor() {
        return Vendor.of(url);
    }

    /** The URL with any password in it replaced by {@code ***}, for messages. */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
}
