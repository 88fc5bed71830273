package medic.alert;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;

@RequiresPostgres
class ReplicaWebhooksOnPostgresTest extends ReplicaWebhooksContract {

    @Override
    TestDatabase newTestDatabase() {
        return PostgresDatabase.freshSchema();
    }
}
