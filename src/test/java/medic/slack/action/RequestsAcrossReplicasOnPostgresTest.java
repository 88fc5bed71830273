package medic.slack.action;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;

@RequiresPostgres
class RequestsAcrossReplicasOnPostgresTest extends RequestsAcrossReplicasContract {

    @Override
    TestDatabase newTestDatabase() {
        return PostgresDatabase.freshSchema();
    }
}
