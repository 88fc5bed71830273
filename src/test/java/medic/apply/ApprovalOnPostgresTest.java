package medic.apply;

import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;

@RequiresPostgres
class ApprovalOnPostgresTest extends ApprovalContract {
    @Override
    TestDatabase newDatabase() {
        return PostgresDatabase.freshSchema();
    }
}
