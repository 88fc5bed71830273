package medic.outbox;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;

@RequiresPostgres
class ReplicasOnPostgresTest extends ReplicasContract {

    @Override
    TestDatabase newTestDatabase() {
        return PostgresDatabase.freshSchema();
    }
}
