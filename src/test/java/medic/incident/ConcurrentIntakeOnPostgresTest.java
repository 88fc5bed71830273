package medic.incident;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;

@RequiresPostgres
class ConcurrentIntakeOnPostgresTest extends ConcurrentIntakeContract {

    @Override
    TestDatabase newTestDatabase() {
        return PostgresDatabase.freshSchema();
    }
}
