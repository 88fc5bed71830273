package medic.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * medic's database: a HikariCP pool on an embedded H2 file or a PostgreSQL server, migrated by Flyway with the
 * vendor's own scripts (runs, steps and Quartz's tables) every time it opens.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final int migrationsApplied;

    private Database(DatabaseSettings settings, HikariDataSource pool, int migrationsApplied) {
        this.settings = settings;
        this.pool = pool;
        this.migrationsApplied = migrationsApplied;
    }

    /**
     * Connects, then applies the migrations not yet applied.
     *
     * @throws DatabaseUnavailableException one line naming the URL and what to do, when it cannot connect or an H2
     *     URL asks for a write delay (see {@link H2Durability})
     * @throws StoreException when a migration fails
     */
    public static Database open(DatabaseSettings settings) {
        Vendor vendor = settings.vendor();
        String url = H2Durability.connectionUrl(settings.url());
        Properties driverProperties = driverProperties(settings);
        // One plain connection first: its failure becomes a clean message instead of the pool's logged stack trace.
        try (Connection probe = DriverManager.getConnection(url, driverProperties)) {
            probe.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(OpenFailure.describe(settings, e), e);
        }
        HikariDataSource pool = new HikariDataSource(poolConfig(settings, url, driverProperties));
        try {
            int applied = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:" + vendor.migrationLocation())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            return new Database(settings, pool, applied);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + settings.redactedUrl() + ": "
                    + OpenFailure.firstLine(e.getMessage()) + "; fix the database or restore a backup, then restart", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Properties driverProperties(DatabaseSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        if (settings.vendor() == Vendor.POSTGRESQL) {
            // Seconds; without it an unanswered SYN waits for the kernel's long TCP timeout.
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("ApplicationName", "medic");
        }
        return properties;
    }

    private static HikariConfig poolConfig(DatabaseSettings settings, String url, Properties driverProperties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("medic-database");
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        driverProperties.forEach((key, value) -> {
            if (!"user".equals(key) && !"password".equals(key)) {
                config.addDataSourceProperty((String) key, value);
            }
        });
        config.setMaximumPoolSize(settings.maximumPoolSize());
        // medic's load is light and bursty: keep two connections warm, open the rest on demand.
        config.setMinimumIdle(2);
        config.setConnectionTimeout(10_000);
        return config;
    }

    /** The pooled connections; callers close each connection they take. */
    public DataSource dataSource() {
        return pool;
    }

    public Vendor vendor() {
        return settings.vendor();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** How many migrations this open applied: all of them on an empty database, none on a current one. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public void close() {
        pool.close();
    }
}
