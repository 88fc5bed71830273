package medic.watch;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;

@RequiresPostgres
class CursorStoreOnPostgresTest extends CursorStoreContract {
    @Override
    TestDatabase newTestDatabase() {
        return PostgresDatabase.freshSchema();
    }
}
