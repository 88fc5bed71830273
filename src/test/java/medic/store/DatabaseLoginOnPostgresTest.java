package medic.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;

/** A login the real PostgreSQL refuses is reported as such, without the password. */
@RequiresPostgres
class DatabaseLoginOnPostgresTest {

    @Test
    void says_to_check_the_credentials_when_postgresql_refuses_the_login() {
        try (PostgresDatabase postgres = PostgresDatabase.freshSchema()) {
            DatabaseSettings wrongPassword = DatabaseSettings.of(postgres.settings().url(), "medic", "s3cret");

            DatabaseUnavailableException refused = assertThrows(DatabaseUnavailableException.class,
                    () -> Database.open(wrongPassword));

            String message = refused.getMessage();
            assertTrue(message.startsWith("cannot open database " + postgres.settings().url() + " as user medic: "),
                    message);
            assertTrue(message.contains("password authentication failed for user \"medic\""), message);
            assertTrue(message.endsWith("; check the database user and password"), message);
            DatabaseOpenTest.assertOneLineWithoutSecrets(message);
        }
    }
}
