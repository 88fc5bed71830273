package medic.store;

import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contracts' lifecycle: each test gets a {@link StoreFixture} on the vendor's fresh database. */
abstract class StoreContract {
    StoreFixture fixture;
    RunStore store;

    /** The vendor's database, one subclass per vendor. */
    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void openStore() {
        fixture = new StoreFixture(newTestDatabase());
        store = fixture.store;
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }
}
