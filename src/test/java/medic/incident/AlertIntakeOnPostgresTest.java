package medic.incident;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;

@RequiresPostgres
class AlertIntakeOnPostgresTest extends AlertIntakeContract {

    @Override
    TestDatabase newTestDatabase() {
        return PostgresDatabase.freshSchema();
    }
}
