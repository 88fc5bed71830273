package medic.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import medic.store.DatabaseSettings;

/**
 * The real PostgreSQL the tests use (started by .ci/run): {@code MEDIC_TEST_PG_URL}, {@code MEDIC_TEST_PG_USER},
 * {@code MEDIC_TEST_PG_PASSWORD}, defaulting to jdbc:postgresql://127.0.0.1:5432/medic as medic/medic. Each test
 * gets a fresh schema, dropped afterwards.
 */
public final class PostgresDatabase implements TestDatabase {

    static final String URL = env("MEDIC_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/medic");
    static final String USER = env("MEDIC_TEST_PG_USER", "medic");
    static final String PASSWORD = env("MEDIC_TEST_PG_PASSWORD", "medic");
    static final String HOW_TO_PROVIDE = "apt-get install -y postgresql, then run .ci/run's PostgreSQL set-up as root"
            + " (start the cluster as the postgres user, create role and database medic with password medic),"
            + " or point MEDIC_TEST_PG_URL, MEDIC_TEST_PG_USER and MEDIC_TEST_PG_PASSWORD at another server";

    private static volatile Optional<String> unreachable;

    private final String schema;

    private PostgresDatabase(String schema) {
        this.schema = schema;
    }

    /** A new, empty schema {@code test_<random>}; the settings' URL makes it the current schema. */
    public static PostgresDatabase freshSchema() {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return new PostgresDatabase(schema);
    }

    /** Why PostgreSQL cannot be used here, or empty when it answers; asked once per JVM. */
    static Optional<String> unreachableReason() {
        if (unreachable == null) {
            try (Connection connection = connect(URL)) {
                unreachable = Optional.empty();
            } catch (SQLException e) {
                unreachable = Optional.of(String.valueOf(e.getMessage()).lines().findFirst().orElse("no reason given"));
            }
        }
        return unreachable;
    }

    static String description() {
        return "PostgreSQL at " + URL + " as " + USER;
    }

    @Override
    public DatabaseSettings settings() {
        String separator = URL.contains("?") ? "&" : "?";
        return DatabaseSettings.of(URL + separator + "currentSchema=" + schema, USER, PASSWORD);
    }

    @Override
    public String vendorName() {
        return "PostgreSQL";
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = connect(URL); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + description() + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
