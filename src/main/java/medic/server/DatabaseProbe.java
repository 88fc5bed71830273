package medic.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import medic.store.Database;

/** Whether medic's database answers, for {@code /readyz}: one pooled connection, validated within two seconds. */
final class DatabaseProbe implements ReadinessCheck {
    private final Database database;

    DatabaseProbe(Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> problem() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(2) ? Optional.empty()
                    : Optional.of(database.settings().redactedUrl() + " did not answer within 2 s");
        } catch (SQLException e) {
            return Optional.of(database.settings().redactedUrl() + ": " + e.getMessage());
        }
    }
}
